"""Synthetic residents and cases for demos and benchmarks: Dutch names, Utrecht postcodes and
BSNs from the 9999 test range that pass the 11-proef. Never real people.

Every case gets questions in the resident's words (most linked to a product and its life domain),
a timeline, contact moments, and in a realistic share an infoflits whose situation is valid
against situation.schema.json, tasks (some overdue), notes and a closing under the closing rule.
Everything is written with bulk_create in batches, so 100,000 residents take minutes.

The rules are the real ones, not copies: the case status is `cases.services.case_status_for`
(the rule the services apply), closing follows `cases.closing.may_close`, and the handovers
(`servicepunt.demo.handovers`, added per batch through `extend`) follow the state machine and
`handovers.states.resolution_after`.

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
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.choices import (
    CaseStatus,
    ClosingReason,
    ContactChannel,
    ContactPreference,
    RepresentativeKind,
    TaskKind,
)
from servicepunt.cases.closing import QuestionState, Resolution, may_close
from servicepunt.cases.identifiers import bsn_digest, bsn_encrypt
from servicepunt.cases.models import Case, CaseEvent, ContactMoment, Note, Question, Representative, Resident, Task
from servicepunt.cases.services import case_status_for
from servicepunt.catalogue.selectors import domain_list, products_choosable
from servicepunt.core.errors import InvalidInput
from servicepunt.demo.accounts import DEMO_EMPLOYEE
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.engine import validate_situation
from servicepunt.infoflits.models import Infoflits, SituationVersion, SuggestionDecision

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


def _free_bsns(rng: random.Random, key: str) -> list[str]:
    """The test-range BSNs no resident has yet, shuffled: a BSN belongs to one person. Once the
    range is used up, further residents have none (the BSN is optional)."""
    taken = set(Resident.objects.exclude(bsn_digest="").values_list("bsn_digest", flat=True))
    free = [number for number in bsns_in_test_range() if bsn_digest(number, key) not in taken]
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


@dataclass
class DemoBatch:
    """One saved batch, for the layers above to add their part. Every question has its case, the
    case its resident and the question its product loaded; `settled_at` says when each resolved
    question was resolved, `situations` holds the infoflits situation per case pk."""

    rng: random.Random
    by: User
    now: dt.datetime
    questions: list[Question] = field(default_factory=list)
    settled_at: dict[int, dt.datetime] = field(default_factory=dict)
    situations: dict[int, dict[str, Any]] = field(default_factory=dict)


class _Builder:
    """Builds one batch in memory, in the order the services would have written it, then saves
    it with one bulk_create per table."""

    def __init__(self, rng: random.Random, by: User, now: dt.datetime, products: dict[str, Product]) -> None:
        self.rng, self.by, self.now, self.products = rng, by, now, products
        self.today = timezone.localdate(now)
        self.channel_labels = {value: str(label) for value, label in ContactChannel.choices}
        self.residents: list[Resident] = []
        self.representatives: list[Representative] = []
        self.infoflitses: list[Infoflits] = []
        self.versions: list[SituationVersion] = []
        self.decisions: list[SuggestionDecision] = []
        self.cases: list[Case] = []
        self.questions: list[Question] = []
        self.settled: list[tuple[Question, dt.datetime]] = []
        self.situations: list[tuple[Case, dict[str, Any]]] = []
        self.tasks: list[Task] = []
        self.contact_moments: list[ContactMoment] = []
        self.notes: list[Note] = []
        self.events: list[CaseEvent] = []

    def resident(self, bsns: list[str], key: str, cases: int) -> None:
        rng = self.rng
        opened = sorted(
            self.now - dt.timedelta(seconds=rng.uniform(3600, CASE_WINDOW_DAYS * 86400)) for _ in range(cases)
        )
        prefix, surname = rng.choice(SURNAMES)
        given_name = rng.choice(GIVEN_NAMES)
        bsn = bsns.pop() if bsns and rng.random() < 0.6 else ""
        resident = Resident(
            given_name=given_name,
            surname_prefix=prefix,
            surname=surname,
            date_of_birth=None
            if rng.random() < 0.1
            else dt.date(rng.randint(1935, 2008), rng.randint(1, 12), rng.randint(1, 28)),
            phone=_mobile(rng) if rng.random() < 0.9 else "",
            email=f"{_ascii(given_name)}.{_ascii(surname)}{rng.randrange(100)}@example.org"
            if rng.random() < 0.35
            else "",
            postcode=f"{rng.choice(UTRECHT_POSTCODE_AREAS)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}",
            house_number=str(rng.randint(1, 250)),
            preferred_language=rng.choice(LANGUAGES),
            contact_preference=rng.choice(ContactPreference.values),
            needs_interpreter=rng.random() < 0.1,
            reads_with_difficulty=rng.random() < 0.15,
            bsn_encrypted=bsn_encrypt(bsn, key) if bsn else "",
            bsn_digest=bsn_digest(bsn, key) if bsn else "",
            registered_by=self.by,
            registered_at=opened[0] - dt.timedelta(minutes=5),
        )
        self.residents.append(resident)
        if rng.random() < 0.04:
            other_prefix, other_surname = rng.choice(SURNAMES)
            self.representatives.append(
                Representative(
                    resident=resident,
                    name=" ".join(p for p in (rng.choice(GIVEN_NAMES), other_prefix, other_surname) if p),
                    kind=rng.choice(REPRESENTATIVE_KINDS),
                    phone=_mobile(rng),
                )
            )
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

    def case(self, resident: Resident, opened: dt.datetime) -> None:
        rng, now, by = self.rng, self.now, self.by
        events: list[tuple[dt.datetime, str, str]] = [(opened, "case_opened", "")]
        case = Case(resident=resident, opened_by=by, opened_at=opened)
        questions: list[Question] = []
        settled: list[dt.datetime] = []
        for number, (text, code) in enumerate(rng.sample(QUESTIONS, rng.choice((1, 1, 1, 2, 2, 3)))):
            created = opened + dt.timedelta(minutes=2 * number)
            product = self.products.get(code) if rng.random() < 0.8 else None
            resolution = self._resolution(product is not None, now - opened)
            question = Question(
                case=case,
                text=text,
                product=product,
                domain=next(iter(product.domains.all()), None) if product else None,
                resolution=resolution.value,
                created_at=created,
            )
            events.append((created, "question_added", text))
            if product is not None:
                events.append((created + dt.timedelta(minutes=4), "question_linked", product.name))
            if resolution != Resolution.OPEN:
                at = between(rng, created + dt.timedelta(minutes=10), min(now, created + dt.timedelta(days=30)))
                settled.append(at)
                self.settled.append((question, at))
                events.append((at, f"question_{resolution.value}", text))
            questions.append(question)
        self.questions += questions
        self._status(case, questions, settled, events)
        end = case.closed_at or now
        if rng.random() < (0.3 if len(questions) > 1 else 0.12):
            self._infoflits(case, questions, events)
        self._contact_moments(case, resident, end, events)
        self._tasks(case, end, events)
        for _ in range(rng.choices((0, 1, 2), (65, 30, 5))[0]):
            written = between(rng, opened, end)
            self.notes.append(Note(case=case, text=rng.choice(NOTES), written_by=by, written_at=written))
            events.append((written, "note_added", ""))
        self.cases.append(case)
        self.events += [
            CaseEvent(case=case, by=by, kind=kind, detail=detail[:300], at=at) for at, kind, detail in sorted(events)
        ]

    def _status(
        self, case: Case, questions: list[Question], settled: list[dt.datetime], events: list[tuple[Any, ...]]
    ) -> None:
        """The status by the real rules: a case whose questions may close under the closing rule
        (`cases.closing.may_close`) is mostly closed; otherwise the status rule of the services
        (`cases.services.case_status_for`) decides."""
        resolutions = [Resolution(q.resolution) for q in questions]
        if may_close(QuestionState(q.text, r) for q, r in zip(questions, resolutions, strict=True)) and (
            self.rng.random() < 0.75
        ):
            case.status = CaseStatus.CLOSED
            case.closed_at = between(self.rng, max(settled), min(self.now, max(settled) + dt.timedelta(days=3)))
            case.closing_reason = (
                ClosingReason.RESIDENT_WITHDREW
                if set(resolutions) == {Resolution.DECLINED}
                else self.rng.choices((ClosingReason.ALL_ARRANGED, ClosingReason.OTHER), (95, 5))[0]
            )
            events.append((case.closed_at, "case_closed", case.closing_reason))
        else:
            case.status = case_status_for(CaseStatus.OPEN, resolutions)

    def _infoflits(self, case: Case, questions: list[Question], events: list[tuple[Any, ...]]) -> None:
        rng, by = self.rng, self.by
        household = rng.choice(households_checked())
        started = case.opened_at + dt.timedelta(minutes=10)
        asked = [q.product.code for q in questions if q.product is not None]
        infoflits = Infoflits(started_by=by, started_at=started, reference_date=timezone.localdate(started))
        situation = situation_for(
            household, rng, on=infoflits.reference_date, texts=[q.text for q in questions], asked=asked
        )
        self.infoflitses.append(infoflits)
        self.versions.append(
            SituationVersion(
                infoflits=infoflits,
                number=1,
                situation=situation,
                self_sufficiency={domain: rng.randint(1, 5) for domain in household.domains},
                saved_by=by,
                saved_at=started + dt.timedelta(minutes=15),
            )
        )
        for code in rng.sample(household.extras, rng.randint(0, min(2, len(household.extras)))):
            product = self.products.get(code)
            if product is not None and code not in asked:
                decision = rng.choice(
                    (Decision.ACCEPTED, Decision.DECLINED, Decision.OFFERED, Decision.ALREADY_ARRANGED)
                )
                self.decisions.append(
                    SuggestionDecision(
                        infoflits=infoflits,
                        product=product,
                        decision=decision,
                        decided_by=by,
                        decided_at=started + dt.timedelta(minutes=20),
                    )
                )
        case.infoflits = infoflits
        self.situations.append((case, situation))
        events.append((started, "infoflits_started", ""))

    def _contact_moments(self, case: Case, resident: Resident, end: dt.datetime, events: list[tuple[Any, ...]]) -> None:
        rng = self.rng
        first_channels = (
            ContactChannel.COUNTER,
            ContactChannel.PHONE,
            ContactChannel.VIDEO_WIJKBUREAU,
            ContactChannel.WIJKBUREAU_COUNTER,
        )
        for number in range(1 + (rng.random() < 0.4) + (rng.random() < 0.15)):
            channel = (
                rng.choices(first_channels, (55, 25, 10, 10))[0]
                if number == 0
                else rng.choice(
                    (ContactChannel.PHONE, ContactChannel.PHONE, ContactChannel.COUNTER, ContactChannel.EMAIL)
                )
            )
            at = case.opened_at if number == 0 else between(rng, case.opened_at, end)
            outcome = rng.choice(CONTACT_OUTCOMES)
            self.contact_moments.append(
                ContactMoment(
                    case=case,
                    channel=channel,
                    wijkbureau=rng.choice(WIJKBUREAUS)
                    if channel in (ContactChannel.VIDEO_WIJKBUREAU, ContactChannel.WIJKBUREAU_COUNTER)
                    else "",
                    at=at,
                    employee=self.by,
                    language=resident.preferred_language,
                    interpreter=resident.needs_interpreter and rng.random() < 0.8,
                    outcome=outcome,
                )
            )
            events.append((at, "contact_moment", f"{self.channel_labels[channel]}: {outcome}"))

    def _tasks(self, case: Case, end: dt.datetime, events: list[tuple[Any, ...]]) -> None:
        """Open tasks on unfinished cases (about half of them overdue), done tasks on any case;
        for the demo employee or for the Servicepunt team."""
        rng, by = self.rng, self.by
        closed = case.status == CaseStatus.CLOSED
        open_count = 0 if closed or rng.random() < 0.55 else rng.choice((1, 1, 2))
        done_count = 1 if rng.random() < 0.25 else 0
        for number in range(open_count + done_count):
            kind, description = rng.choice(TASKS)
            created = between(rng, case.opened_at, end)
            mine = rng.random() < 0.65
            task = Task(
                case=case,
                kind=kind,
                description=description,
                assigned_to=by if mine else None,
                team="" if mine else DEMO_TEAM,
                created_by=by,
                created_at=created,
            )
            events.append((created, "task_created", description))
            if number < open_count:
                task.due = max(timezone.localdate(created), self.today + dt.timedelta(days=rng.randint(-14, 14)))
            else:
                task.due = timezone.localdate(created) + dt.timedelta(days=rng.randint(1, 10))
                task.done_at, task.done_by = between(rng, created, end), by
                events.append((task.done_at, "task_done", description))
            self.tasks.append(task)

    def save(self) -> DemoBatch:
        Resident.objects.bulk_create(self.residents, batch_size=BATCH)
        Representative.objects.bulk_create(self.representatives, batch_size=BATCH)
        Infoflits.objects.bulk_create(self.infoflitses, batch_size=BATCH)
        SituationVersion.objects.bulk_create(self.versions, batch_size=BATCH)
        SuggestionDecision.objects.bulk_create(self.decisions, batch_size=BATCH)
        Case.objects.bulk_create(self.cases, batch_size=BATCH)
        Question.objects.bulk_create(self.questions, batch_size=BATCH)
        Task.objects.bulk_create(self.tasks, batch_size=BATCH)
        ContactMoment.objects.bulk_create(self.contact_moments, batch_size=BATCH)
        Note.objects.bulk_create(self.notes, batch_size=BATCH)
        CaseEvent.objects.bulk_create(self.events, batch_size=BATCH)
        return DemoBatch(
            rng=self.rng,
            by=self.by,
            now=self.now,
            questions=self.questions,
            settled_at={question.pk: at for question, at in self.settled},
            situations={case.pk: situation for case, situation in self.situations},
        )


def demo_residents_count() -> int:
    """How many residents the demo employee registered: `servicepunt demo --residents N` adds
    only the ones missing up to N, so running it twice makes no duplicates."""
    return Resident.objects.filter(registered_by__username=DEMO_EMPLOYEE).count()


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
    key = settings.SERVICEPUNT_BSN_KEY
    products = _products()
    bsns = _free_bsns(rng, key)
    most = max(1, 2 * cases_per_resident - 1)
    now = timezone.now()
    created = 0
    while created < count:
        builder = _Builder(rng, registered_by, now, products)
        for _ in range(min(BATCH, count - created)):
            builder.resident(bsns, key, rng.randint(1, most))
        batch = builder.save()
        for add in extend:
            add(batch)
        created += len(builder.residents)
    return created
