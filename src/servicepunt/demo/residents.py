"""Synthetic residents and cases for demos and benchmarks: Dutch names, Utrecht postcodes and
BSNs from the 9999 test range that pass the 11-proef. Never real people.

Every case gets questions in the resident's words (most linked to a product and its life domain),
a timeline, contact moments, and in a realistic share an infoflits whose situation is valid
against situation.schema.json, tasks (some overdue), notes and a closing under the closing rule.
This module only draws: names, choices and times, as plain values (`cases.seeding`,
`infoflits.seeding`). The owning apps write each batch with bulk_create, so 100,000 residents
take minutes, and apply their own rules there, not copies: an unclosed case's status is
`cases.services.case_status_for`, a closing is refused unless `cases.closing.may_close` allows
it, a situation must be valid against the schema; the handovers (`servicepunt.demo.handovers`,
added per batch through `extend`) are written by `handovers.seeding` along the state machine.

Times: the history spans months, so each row carries the moment it happened. The time fields
(`opened_at`, `created_at`, `at`, …) default to `timezone.now` instead of `auto_now_add`: a
service that gives no time gets now, as before, and a writer that gives one (this module, a
future import of old records) keeps it. Nothing is switched off process-wide any more (the old
`timestamps_as_given` changed the model fields for the whole process while the demo ran).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.choices import (
    ClosingReason,
    ContactChannel,
    ContactPreference,
    RepresentativeKind,
    TaskKind,
)
from servicepunt.cases.closing import QuestionState, Resolution, may_close
from servicepunt.cases.seeding import (
    CasesBatch,
    CaseSeed,
    ClosingSeed,
    ContactMomentSeed,
    NoteSeed,
    QuestionSeed,
    RepresentativeSeed,
    ResidentSeed,
    TaskSeed,
    bsns_unused,
    cases_seed,
    residents_registered_count,
)
from servicepunt.catalogue.selectors import domain_list, products_choosable
from servicepunt.core.errors import InvalidInput
from servicepunt.demo.accounts import DEMO_EMPLOYEE
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.engine import validate_situation
from servicepunt.infoflits.seeding import DecisionSeed, InfoflitsSeed, infoflits_reference_date, infoflits_seed

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import Product

# Names as plain text, to keep the lists readable (SIM905 would put one name per line).
GIVEN_NAMES = tuple(
    "Anna Mohamed Sanne Yusuf Fatima Daan Emma Ahmed Lotte Ayşe Piotr Olena Noah Sara Bram Nadia Kees Ilse Hamza "  # noqa: SIM905
    "Marieke Oksana Jan Sem Julia Lucas Mila Finn Tess Levi Zoë Liam Nora Adam Yara Mees Saar Bilal Amira Ibrahim "
    "Khadija Mustafa Zeynep Emre Elif Kacper Zofia Andriy Iryna Thijs Fenna Ruben Iris Kevin Naima Youssef Salma "
    "Priya Rajesh Hanna Wim Gerda Henk Ria Mehmet Hatice Dirk Els Senna Milan".split()
)
SURNAMES = tuple(
    (prefix, surname)
    for prefix, _, surname in (
        name.rpartition(" ")
        for name in (  # noqa: SIM905
            "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer, "
            "Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits, "
            "de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, "
            "van den Broek, de Bruijn, van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, "
            "Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, El Amrani, Yilmaz, "
            "Kaya, Demir, Şahin, Çelik, Bouzid, Ouali, El Idrissi, Benali, Boukhari, Kowalski, Nowak, Wiśniewski, "
            "Shevchenko, Kovalenko, Bondarenko, Tesfay, Haile, Mohamud, Hassan, Rahimi, Ramdin, Soekhoe, Nguyen"
        ).split(", ")
    )
)
UTRECHT_POSTCODE_AREAS = tuple(
    "3511 3512 3513 3514 3521 3522 3523 3524 3525 3526 3527 3528 3531 3532 3533 3541 3551 3552 3553 3554 3555 "  # noqa: SIM905
    "3561 3562 3563 3564 3565 3571 3572 3573 3581 3582 3583 3584 3585".split()
)
POSTCODE_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"
# What residents come with, in their own words, and the product an employee would link.
QUESTIONS = (
    ("Ik heb een brief van de deurwaarder gekregen", "schuldhulpverlening"),
    ("Ik kan de huur niet meer betalen", "huurtoeslag"),
    ("Mijn uitkering is gestopt", "bijstand"),
    ("Ik wil DigiD aanvragen", "digid"),
    ("Ik snap de brief van de belasting niet", "sociaal-raadslieden"),
    ("Mijn paspoort is verlopen", "identiteitsbewijs"),
    ("Ik zoek hulp in het huishouden", "huishoudelijke-hulp"),
    ("Ik wil Nederlands leren", "taalhuis"),
    ("Mijn zoon wordt 18 en heeft een beperking", "wajong"),
    ("Ik ben mijn werk kwijt", "ww-uitkering"),
    ("Mijn huisbaas wil me uit huis zetten", "juridisch-loket"),
    ("Ik ben ontslagen en wil weten wat mijn rechten zijn", "juridisch-loket"),
    ("We hebben deze week geen eten meer", "voedselbank"),
    ("Mijn man is overleden, hoe moet het nu met geld?", "anw-uitkering"),
    ("Ik heb geen vaste woonplek meer", "briefadres"),
    ("Mijn moeder kan niet meer lopen en wil een scootmobiel", "rolstoel-scootmobiel"),
    ("Ik zorg voor mijn zieke vader en kan het niet meer aan", "mantelzorgondersteuning"),
    ("Ik kan de zorgverzekering niet betalen", "zorgtoeslag"),
    ("Mijn verblijfsvergunning verloopt binnenkort", "verblijfsvergunning"),
    ("De gemeentelijke belastingen zijn te hoog voor mij", "kwijtschelding-gemeentelijke-belastingen"),
    ("Mijn kinderen willen op voetbal maar dat kost te veel", "jeugdfonds-sport-cultuur"),
    ("Ik voel me vaak alleen", "buurtteam"),
    ("Mijn wasmachine is kapot en ik heb geen geld", "bijzondere-bijstand"),
    ("Ik weet niet hoe ik online een aanvraag moet doen", "informatiepunt-digitale-overheid"),
)
LANGUAGES = ("nl", "nl", "nl", "nl", "en", "ar", "tr", "pl", "uk")
WIJKBUREAUS = ("Overvecht", "Kanaleneiland", "Zuilen", "Leidsche Rijn", "Vleuten-De Meern", "Noordoost", "Zuidwest")
CONTACT_OUTCOMES = (
    "Vraag doorgenomen, inwoner neemt papieren mee",
    "Aanvraag samen ingevuld",
    "Inwoner teruggebeld, nog geen nieuws",
    "Afspraak bevestigd",
    "Brief samen gelezen en uitgelegd",
    "Met tolk besproken wat de volgende stap is",
)
TASKS = (
    (TaskKind.CALL_BACK, "Inwoner terugbellen over de aanvraag"),
    (TaskKind.CALL_BACK, "Terugbellen: staat de afspraak?"),
    (TaskKind.FOLLOW_UP, "Nagaan of de partner contact heeft opgenomen"),
    (TaskKind.FOLLOW_UP, "Controleren of de toeslag is toegekend"),
    (TaskKind.FOLLOW_UP, "Ontbrekende loonstroken opvragen"),
)
NOTES = (
    "Inwoner vindt bellen lastig, liever langs laten komen.",
    "Zoon helpt met brieven lezen.",
    "Let op: er komt binnenkort een tweede brief van de deurwaarder.",
    "Inwoner was erg gespannen; rustig aan doen.",
    "Afgesproken dat we na de aanvraag samen kijken naar de vaste lasten.",
)
REPRESENTATIVE_KINDS = (RepresentativeKind.FAMILY, RepresentativeKind.BEWINDVOERDER, RepresentativeKind.MENTOR)
TEST_BSN_PREFIX = "9999"
BATCH = 2000
DEMO_TEAM = Role.SERVICEPUNT.value
CASE_WINDOW_DAYS = 540


# --- Infoflits situations: a few households, each valid against situation.schema.json -------


@dataclass(frozen=True)
class Household:
    """A kind of household the infoflits meets: its situation, the life domains scored in the
    self-sufficiency matrix, and extra products an employee would offer."""

    situation: Callable[[random.Random], dict[str, Any]]
    domains: tuple[str, ...]
    extras: tuple[str, ...]


def _single_tenant(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(23, 64), "has_partner": False},
        "children": [],
        "housing": {"situation": "rent_social", "monthly_rent": rng.randrange(550, 900, 5), "registered_address": True},
        "income": {
            "sources": [rng.choice(["employment", "social_assistance"])],
            "net_monthly_household": rng.randrange(1100, 1700, 10),
            "savings": rng.randrange(0, 3000, 100),
        },
        "benefits_received": [],
        "language_digital": {
            "dutch_level": "fluent",
            "digital_skills": rng.choice(["basic", "good"]),
            "has_digid": True,
        },
    }


def _family(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(26, 48), "has_partner": True, "partner_age": rng.randint(26, 50)},
        "children": [{"age": rng.randint(0, 17), "lives_at_home": True} for _ in range(rng.randint(1, 3))],
        "housing": {"situation": "rent_private", "monthly_rent": rng.randrange(800, 1300, 10)},
        "income": {"sources": ["employment"], "net_monthly_household": rng.randrange(1800, 3200, 10)},
        "benefits_received": ["kinderbijslag"],
        "work_education": {"status": "employed"},
    }


def _pensioner(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(67, 92), "has_partner": rng.random() < 0.4},
        "housing": {"situation": "rent_social", "monthly_rent": rng.randrange(500, 850, 5)},
        "income": {"sources": ["state_pension"], "incomplete_state_pension": rng.random() < 0.3},
        "benefits_received": ["aow"],
        "health": {"physical_limitation": True, "mobility_problem": rng.random() < 0.5},
        "social": {"lonely": rng.random() < 0.5},
    }


def _newcomer(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(19, 55), "has_partner": rng.random() < 0.5},
        "residence": {
            "status": "refugee_permit",
            "years_in_netherlands": rng.randint(0, 5),
            "civic_integration_obligation": True,
        },
        "language_digital": {
            "dutch_level": rng.choice(["none", "basic"]),
            "digital_skills": "basic",
            "has_digid": False,
        },
        "income": {"sources": ["social_assistance"]},
    }


def _debts(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(21, 66), "has_partner": rng.random() < 0.3},
        "debts": {
            "has_debts": True,
            "arrears": rng.sample(["rent", "energy", "health_insurance", "municipal_tax", "phone"], 2),
            "debt_collector": rng.random() < 0.6,
            "unopened_mail": rng.random() < 0.5,
        },
        "income": {"sources": [rng.choice(["employment", "social_assistance", "sickness_benefit"])]},
    }


def _school_leaver(rng: random.Random) -> dict[str, Any]:
    return {
        "person": {"age": rng.randint(16, 22), "has_partner": False},
        "housing": {"situation": "with_family"},
        "work_education": {"status": "not_seeking", "education": "secondary", "school_dropout": True},
    }


HOUSEHOLDS = (
    Household(
        _single_tenant, ("geld", "wonen"), ("zorgtoeslag", "stadspas", "kwijtschelding-gemeentelijke-belastingen")
    ),
    Household(_family, ("geld", "gezin", "werk-opleiding"), ("kindgebonden-budget", "jeugdfonds-sport-cultuur")),
    Household(_pensioner, ("lichamelijke-gezondheid", "zelfzorg", "sociaal-netwerk"), ("aio-aanvulling", "buurtteam")),
    Household(_newcomer, ("taal-digitaal", "documenten", "meedoen"), ("taalhuis", "digid", "inburgering")),
    Household(_debts, ("geld", "psychische-gezondheid"), ("schuldhulpverlening", "beschermingsbewind")),
    Household(_school_leaver, ("werk-opleiding", "dagbesteding"), ("begeleiding-schoolverlaters",)),
)


def situation_for(
    household: Household, rng: random.Random, *, on: dt.date, texts: Sequence[str], asked: Sequence[str]
) -> dict[str, Any]:
    """A situation as the infoflits saves it: the reference date, the resident's question and the household."""
    return {
        "reference_date": on.isoformat(),
        "question": {"text": " / ".join(texts), "asked_products": sorted(set(asked))},
        **household.situation(rng),
    }


@cache
def households_checked() -> tuple[Household, ...]:
    """The households, a few samples of each validated against the schema once per process:
    an invalid one is a bug in this module, so SituationError is not caught."""
    rng = random.Random(0)
    for household in HOUSEHOLDS:
        for _ in range(5):
            validate_situation(
                situation_for(household, rng, on=dt.date(2026, 1, 5), texts=["Vraag"], asked=["huurtoeslag"])
            )
    return HOUSEHOLDS


# --- Helpers -------------------------------------------------------------------------------


def between(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    """A random moment from start to end (start itself when end is not later)."""
    return start + max(end - start, dt.timedelta(0)) * rng.random()


def bsns_in_test_range() -> list[str]:
    """Every BSN of the 9999 test range whose 11-proef holds: about 9,000, all clearly fake."""
    found = []
    for number in range(10**4):
        digits = TEST_BSN_PREFIX + f"{number:04d}"
        last = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if last < 10:
            found.append(digits + str(last))
    return found


def _free_bsns(rng: random.Random) -> list[str]:
    """The test-range BSNs no resident has yet (`cases.seeding.bsns_unused`), shuffled: a BSN
    belongs to one person. Once the range is used up, further residents have none (the BSN is
    optional)."""
    free = bsns_unused(bsns_in_test_range())
    rng.shuffle(free)
    return free


def _mobile(rng: random.Random) -> str:
    """A Dutch mobile number in a range phonenumbers accepts (06-1… to 06-5…)."""
    return f"+316{rng.randint(1, 5)}{rng.randrange(10**7):07d}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(" ", "")


def _products() -> dict[str, Product]:
    """The products the demo questions and infoflits offers use, with their life domains in the
    order question_link picks the first one. Empty when the catalogue is not loaded."""
    codes = {code for _, code in QUESTIONS} | {code for h in HOUSEHOLDS for code in h.extras}
    return {
        product.code: product
        for product in products_choosable()
        .filter(code__in=codes)
        .prefetch_related(Prefetch("domains", queryset=domain_list().order_by("position", "code")))
    }


# --- One batch of residents with their cases -------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoQuestion:
    """A saved question of a batch, as the layers above need it (its product with the product's
    life domains loaded; when it was resolved; when its case was closed)."""

    pk: int
    case_pk: int
    text: str
    product: Product | None
    resolution: str
    created_at: dt.datetime
    settled_at: dt.datetime | None
    case_closed_at: dt.datetime | None


@dataclass
class DemoBatch:
    """One saved batch, for the layers above to add their part."""

    rng: random.Random
    by: User
    now: dt.datetime
    questions: list[DemoQuestion] = field(default_factory=list)


class _Builder:
    """Builds one batch as plain values (`cases.seeding`, `infoflits.seeding`), in the order the
    services would have written it; the owning apps write it."""

    def __init__(self, rng: random.Random, by: User, now: dt.datetime, products: dict[str, Product]) -> None:
        self.rng, self.by, self.by_id, self.now, self.products = rng, by, by.pk, now, products
        self.products_by_pk = {product.pk: product for product in products.values()}
        self.today = timezone.localdate(now)
        self.residents: list[ResidentSeed] = []
        self.infoflitses: list[InfoflitsSeed] = []
        self.cases: list[tuple[CaseSeed, int | None]] = []  # with the index of its infoflits

    def resident(self, bsns: list[str], cases: int) -> None:
        rng = self.rng
        opened = sorted(
            self.now - dt.timedelta(seconds=rng.uniform(3600, CASE_WINDOW_DAYS * 86400)) for _ in range(cases)
        )
        prefix, surname = rng.choice(SURNAMES)
        given_name = rng.choice(GIVEN_NAMES)
        bsn = bsns.pop() if bsns and rng.random() < 0.6 else ""
        fields: dict[str, Any] = {
            "given_name": given_name,
            "surname_prefix": prefix,
            "surname": surname,
            "date_of_birth": None
            if rng.random() < 0.1
            else dt.date(rng.randint(1935, 2008), rng.randint(1, 12), rng.randint(1, 28)),
            "phone": _mobile(rng) if rng.random() < 0.9 else "",
            "email": f"{_ascii(given_name)}.{_ascii(surname)}{rng.randrange(100)}@example.org"
            if rng.random() < 0.35
            else "",
            "postcode": f"{rng.choice(UTRECHT_POSTCODE_AREAS)}{rng.choice(POSTCODE_LETTERS)}"
            f"{rng.choice(POSTCODE_LETTERS)}",
            "house_number": str(rng.randint(1, 250)),
            "preferred_language": rng.choice(LANGUAGES),
            "contact_preference": rng.choice(ContactPreference.values),
            "needs_interpreter": rng.random() < 0.1,
            "reads_with_difficulty": rng.random() < 0.15,
        }
        representatives: tuple[RepresentativeSeed, ...] = ()
        if rng.random() < 0.04:
            other_prefix, other_surname = rng.choice(SURNAMES)
            representatives = (
                RepresentativeSeed(
                    name=" ".join(p for p in (rng.choice(GIVEN_NAMES), other_prefix, other_surname) if p),
                    kind=rng.choice(REPRESENTATIVE_KINDS),
                    phone=_mobile(rng),
                ),
            )
        resident = ResidentSeed(
            **fields,
            bsn=bsn,
            registered_by_id=self.by_id,
            registered_at=opened[0] - dt.timedelta(minutes=5),
            representatives=representatives,
        )
        self.residents.append(resident)
        for moment in opened:
            self.case(resident, moment)

    def _resolution(self, linked: bool, age: dt.timedelta) -> Resolution:
        rng = self.rng
        open_weight = 60 if age < dt.timedelta(days=3) else 25 if age < dt.timedelta(days=45) else 6
        if not linked:
            return rng.choices((Resolution.OPEN, Resolution.ANSWERED, Resolution.DECLINED), (open_weight, 50, 12))[0]
        return rng.choices(
            (Resolution.OPEN, Resolution.ANSWERED, Resolution.BOOKED, Resolution.PARTNER_ACCEPTED, Resolution.DECLINED),
            (open_weight, 12, 25, 30, 6),
        )[0]

    def case(self, resident: ResidentSeed, opened: dt.datetime) -> None:
        rng, now = self.rng, self.now
        questions: list[QuestionSeed] = []
        linked: list[Product] = []
        for number, (text, code) in enumerate(rng.sample(QUESTIONS, rng.choice((1, 1, 1, 2, 2, 3)))):
            created = opened + dt.timedelta(minutes=2 * number)
            product = self.products.get(code) if rng.random() < 0.8 else None
            resolution = self._resolution(product is not None, now - opened)
            settled = None
            if resolution != Resolution.OPEN:
                settled = between(rng, created + dt.timedelta(minutes=10), min(now, created + dt.timedelta(days=30)))
            questions.append(
                QuestionSeed(
                    text=text,
                    created_at=created,
                    product_id=product.pk if product is not None else None,
                    linked_at=created + dt.timedelta(minutes=4) if product is not None else None,
                    resolution=resolution.value,
                    resolved_at=settled,
                )
            )
            if product is not None:
                linked.append(product)
        closing = self._closing(questions)
        end = closing.at if closing is not None else now
        infoflits: int | None = None
        started: dt.datetime | None = None
        if rng.random() < (0.3 if len(questions) > 1 else 0.12):
            started = opened + dt.timedelta(minutes=10)
            infoflits = self._infoflits(started, questions, linked)
        contact_moments = self._contact_moments(opened, resident, end)
        tasks = self._tasks(opened, closing is not None, end)
        notes = []
        for _ in range(rng.choices((0, 1, 2), (65, 30, 5))[0]):
            written = between(rng, opened, end)
            notes.append(NoteSeed(text=rng.choice(NOTES), written_by_id=self.by_id, written_at=written))
        case = CaseSeed(
            resident=resident,
            opened_by_id=self.by_id,
            opened_at=opened,
            questions=tuple(questions),
            closing=closing,
            infoflits_started_at=started,
            contact_moments=contact_moments,
            tasks=tasks,
            notes=tuple(notes),
        )
        self.cases.append((case, infoflits))

    def _closing(self, questions: list[QuestionSeed]) -> ClosingSeed | None:
        """A case whose questions may close under the closing rule (`cases.closing.may_close`) is
        mostly closed, a few days after its last question was settled; `cases.seeding` refuses a
        closing the rule forbids and gives an unclosed case its status by the services' rule."""
        resolutions = [Resolution(q.resolution) for q in questions]
        if not may_close(QuestionState(q.text, r) for q, r in zip(questions, resolutions, strict=True)) or (
            self.rng.random() >= 0.75
        ):
            return None
        last = max(q.resolved_at for q in questions if q.resolved_at is not None)
        at = between(self.rng, last, min(self.now, last + dt.timedelta(days=3)))
        reason = (
            ClosingReason.RESIDENT_WITHDREW
            if set(resolutions) == {Resolution.DECLINED}
            else self.rng.choices((ClosingReason.ALL_ARRANGED, ClosingReason.OTHER), (95, 5))[0]
        )
        return ClosingSeed(at=at, reason=reason, by_id=self.by_id)

    def _infoflits(self, started: dt.datetime, questions: list[QuestionSeed], linked: list[Product]) -> int:
        """An infoflits for the case (its index in the batch)."""
        rng, by = self.rng, self.by_id
        household = rng.choice(households_checked())
        asked = [product.code for product in linked]
        situation = situation_for(
            household, rng, on=infoflits_reference_date(started), texts=[q.text for q in questions], asked=asked
        )
        self_sufficiency = {domain: rng.randint(1, 5) for domain in household.domains}
        decisions = []
        for code in rng.sample(household.extras, rng.randint(0, min(2, len(household.extras)))):
            product = self.products.get(code)
            if product is not None and code not in asked:
                decision = rng.choice(
                    (Decision.ACCEPTED, Decision.DECLINED, Decision.OFFERED, Decision.ALREADY_ARRANGED)
                )
                decisions.append(
                    DecisionSeed(
                        product_id=product.pk,
                        decision=decision,
                        decided_by_id=by,
                        decided_at=started + dt.timedelta(minutes=20),
                    )
                )
        self.infoflitses.append(
            InfoflitsSeed(
                started_by_id=by,
                started_at=started,
                situation=situation,
                saved_at=started + dt.timedelta(minutes=15),
                self_sufficiency=self_sufficiency,
                decisions=tuple(decisions),
            )
        )
        return len(self.infoflitses) - 1

    def _contact_moments(
        self, opened: dt.datetime, resident: ResidentSeed, end: dt.datetime
    ) -> tuple[ContactMomentSeed, ...]:
        rng = self.rng
        first_channels = (
            ContactChannel.COUNTER,
            ContactChannel.PHONE,
            ContactChannel.VIDEO_WIJKBUREAU,
            ContactChannel.WIJKBUREAU_COUNTER,
        )
        moments = []
        for number in range(1 + (rng.random() < 0.4) + (rng.random() < 0.15)):
            channel = (
                rng.choices(first_channels, (55, 25, 10, 10))[0]
                if number == 0
                else rng.choice(
                    (ContactChannel.PHONE, ContactChannel.PHONE, ContactChannel.COUNTER, ContactChannel.EMAIL)
                )
            )
            at = opened if number == 0 else between(rng, opened, end)
            moments.append(
                ContactMomentSeed(
                    channel=channel,
                    at=at,
                    employee_id=self.by_id,
                    outcome=rng.choice(CONTACT_OUTCOMES),
                    wijkbureau=rng.choice(WIJKBUREAUS)
                    if channel in (ContactChannel.VIDEO_WIJKBUREAU, ContactChannel.WIJKBUREAU_COUNTER)
                    else "",
                    language=resident.preferred_language,
                    interpreter=resident.needs_interpreter and rng.random() < 0.8,
                )
            )
        return tuple(moments)

    def _tasks(self, opened: dt.datetime, closed: bool, end: dt.datetime) -> tuple[TaskSeed, ...]:
        """Open tasks on unfinished cases (about half of them overdue), done tasks on any case;
        for the demo employee or for the Servicepunt team."""
        rng, by = self.rng, self.by_id
        open_count = 0 if closed or rng.random() < 0.55 else rng.choice((1, 1, 2))
        done_count = 1 if rng.random() < 0.25 else 0
        tasks = []
        for number in range(open_count + done_count):
            kind, description = rng.choice(TASKS)
            created = between(rng, opened, end)
            mine = rng.random() < 0.65
            done_at: dt.datetime | None = None
            if number < open_count:
                due = max(timezone.localdate(created), self.today + dt.timedelta(days=rng.randint(-14, 14)))
            else:
                due = timezone.localdate(created) + dt.timedelta(days=rng.randint(1, 10))
                done_at = between(rng, created, end)
            tasks.append(
                TaskSeed(
                    kind=kind,
                    description=description,
                    due=due,
                    created_by_id=by,
                    created_at=created,
                    assigned_to_id=by if mine else None,
                    team="" if mine else DEMO_TEAM,
                    done_at=done_at,
                    done_by_id=by if done_at is not None else None,
                )
            )
        return tuple(tasks)

    def save(self) -> DemoBatch:
        infoflits_pks = infoflits_seed(self.infoflitses)
        cases = [
            case if index is None else replace(case, infoflits_id=infoflits_pks[index]) for case, index in self.cases
        ]
        seeded = cases_seed(CasesBatch(residents=tuple(self.residents), cases=tuple(cases)))
        questions = [
            DemoQuestion(
                pk=pk,
                case_pk=case_pk,
                text=question.text,
                product=self.products_by_pk.get(question.product_id) if question.product_id is not None else None,
                resolution=question.resolution,
                created_at=question.created_at,
                settled_at=question.resolved_at,
                case_closed_at=case.closing.at if case.closing is not None else None,
            )
            for case, case_pk, pks in zip(cases, seeded.cases, seeded.questions, strict=True)
            for question, pk in zip(case.questions, pks, strict=True)
        ]
        return DemoBatch(rng=self.rng, by=self.by, now=self.now, questions=questions)


def demo_residents_count() -> int:
    """How many residents the demo employee registered: `servicepunt demo --residents N` adds
    only the ones missing up to N, so running it twice makes no duplicates."""
    return residents_registered_count(DEMO_EMPLOYEE)


@transaction.atomic
def demo_residents_create(
    *,
    count: int,
    registered_by: User,
    cases_per_resident: int = 3,
    seed: int = 2026,
    extend: Sequence[Callable[[DemoBatch], object]] = (),
) -> int:
    """Create `count` synthetic residents with on average `cases_per_resident` cases each (one
    to three questions, the work around them and a timeline over the last 18 months). Each
    callable in `extend` is called with every saved batch, in the same transaction."""
    if not getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False):
        raise InvalidInput("Demodata is uitgeschakeld in deze omgeving.", field="SERVICEPUNT_ALLOW_DEMO_DATA")
    if count < 0:
        raise InvalidInput("Het aantal inwoners kan niet negatief zijn.", field="residents")
    rng = random.Random(seed)
    products = _products()
    bsns = _free_bsns(rng)
    most = max(1, 2 * cases_per_resident - 1)
    now = timezone.now()
    created = 0
    while created < count:
        builder = _Builder(rng, registered_by, now, products)
        for _ in range(min(BATCH, count - created)):
            builder.resident(bsns, rng.randint(1, most))
        batch = builder.save()
        for add in extend:
            add(batch)
        created += len(builder.residents)
    return created
