"""Synthetic residents and cases for demos and benchmarks: Dutch names, Utrecht postcodes and
BSNs from the 9999 test range that pass the 11-proef. Never real people."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import transaction

from servicepunt.cases.closing import Resolution
from servicepunt.cases.identifiers import bsn_digest, bsn_encrypt
from servicepunt.cases.models import Case, CaseEvent, ContactPreference, Question, Resident
from servicepunt.core.errors import InvalidInput

GIVEN_NAMES = (
    "Anna",
    "Mohamed",
    "Sanne",
    "Yusuf",
    "Fatima",
    "Daan",
    "Emma",
    "Ahmed",
    "Lotte",
    "Ayşe",
    "Piotr",
    "Olena",
    "Noah",
    "Sara",
    "Bram",
    "Nadia",
    "Kees",
    "Ilse",
    "Hamza",
    "Marieke",
    "Oksana",
    "Jan",
)
SURNAMES = (
    ("", "Jansen"),
    ("de", "Vries"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("El", "Amrani"),
    ("", "Yilmaz"),
    ("", "Kowalski"),
    ("", "Smit"),
    ("van den", "Berg"),
    ("", "Bouzid"),
    ("", "Meijer"),
    ("", "Şahin"),
    ("de", "Jong"),
    ("", "Shevchenko"),
    ("", "Visser"),
    ("", "Ouali"),
    ("van", "Leeuwen"),
    ("", "Mulder"),
)
UTRECHT_POSTCODE_AREAS = (
    "3511",
    "3512",
    "3521",
    "3523",
    "3531",
    "3532",
    "3541",
    "3551",
    "3552",
    "3561",
    "3562",
    "3563",
    "3564",
    "3571",
    "3572",
    "3581",
    "3582",
    "3583",
    "3584",
    "3523",
    "3526",
    "3527",
)
QUESTIONS = (
    "Ik heb een brief van de deurwaarder gekregen",
    "Ik kan de huur niet meer betalen",
    "Mijn uitkering is gestopt",
    "Ik wil DigiD aanvragen",
    "Ik snap de brief van de belasting niet",
    "Mijn paspoort is verlopen",
    "Ik zoek hulp in het huishouden",
    "Ik wil Nederlands leren",
    "Mijn zoon wordt 18 en heeft een beperking",
    "Ik ben mijn werk kwijt",
)
LANGUAGES = ("nl", "nl", "nl", "en", "ar", "tr", "pl", "uk")
TEST_BSN_PREFIX = "9999"
BATCH = 2000


def _test_bsn(rng: random.Random) -> str:
    """A nine-digit number in the 9999 test range whose 11-proef holds."""
    while True:
        digits = TEST_BSN_PREFIX + f"{rng.randrange(10**4):04d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10:
            return digits + str(last)


def _residents(rng: random.Random, count: int, registered_by: Any) -> Iterator[Resident]:
    key = settings.SERVICEPUNT_BSN_KEY
    for _ in range(count):
        prefix, surname = rng.choice(SURNAMES)
        bsn = _test_bsn(rng) if rng.random() < 0.6 else ""
        yield Resident(
            given_name=rng.choice(GIVEN_NAMES),
            surname_prefix=prefix,
            surname=surname,
            date_of_birth=None
            if rng.random() < 0.1
            else dt.date(rng.randint(1940, 2007), rng.randint(1, 12), rng.randint(1, 28)),
            phone=f"+316{rng.randrange(10**8):08d}",
            postcode=f"{rng.choice(UTRECHT_POSTCODE_AREAS)}"
            f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
            house_number=str(rng.randint(1, 250)),
            preferred_language=rng.choice(LANGUAGES),
            contact_preference=rng.choice(ContactPreference.values),
            needs_interpreter=rng.random() < 0.1,
            reads_with_difficulty=rng.random() < 0.15,
            bsn_encrypted=bsn_encrypt(bsn, key) if bsn else "",
            bsn_digest=bsn_digest(bsn, key) if bsn else "",
            registered_by=registered_by,
        )


@transaction.atomic
def demo_residents_create(*, count: int, registered_by: Any, cases_per_resident: int = 3, seed: int = 2026) -> int:
    """Create `count` synthetic residents, each with cases holding one or two questions."""
    if not getattr(settings, "SERVICEPUNT_ALLOW_DEMO_DATA", False):
        raise InvalidInput("Demodata is uitgeschakeld in deze omgeving.", field="SERVICEPUNT_ALLOW_DEMO_DATA")
    if count < 0:
        raise InvalidInput("Het aantal inwoners kan niet negatief zijn.", field="residents")
    rng = random.Random(seed)
    created = 0
    generator = _residents(rng, count, registered_by)
    while created < count:
        residents = Resident.objects.bulk_create([next(generator) for _ in range(min(BATCH, count - created))])
        cases = Case.objects.bulk_create(
            [
                Case(resident=r, opened_by=registered_by)
                for r in residents
                for _ in range(rng.randint(1, cases_per_resident))
            ]
        )
        Question.objects.bulk_create(
            [
                Question(case=case, text=rng.choice(QUESTIONS), resolution=rng.choice(list(Resolution)).value)
                for case in cases
                for _ in range(rng.randint(1, 2))
            ]
        )
        CaseEvent.objects.bulk_create([CaseEvent(case=case, by=registered_by, kind="case_opened") for case in cases])
        created += len(residents)
    return created
