"""Retention of consents on a seeded database: the note of a consent goes once it was withdrawn
or expired before the cutoff (privacy passes it from its rule), when its case is closed, and in
the run that anonymises its resident; what was shared, with whom and how stays; a consent of an
open case is untouched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import case_close, question_resolve
from servicepunt.cases.testing import case_for_resident
from servicepunt.catalogue.selectors import organisation_detail
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.models import Consent
from servicepunt.handovers.services import consent_record, consent_withdraw, handover_create
from servicepunt.handovers.services.retention import consents_anonymise

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

pytestmark = pytest.mark.django_db


@dataclass
class Seeded:
    withdrawn: Consent  # closed case, withdrawn today
    expiring: Consent  # closed case, valid until today
    lasting: Consent  # closed case, valid for the default period
    of_open_case: Consent  # open case, withdrawn today
    without_note: Consent  # closed case, withdrawn today, no note


def _consent(employee: User, case: Case, *, note: str, valid_until: dt.date) -> Consent:
    organisation = organisation_detail(code="juridisch-loket")
    question = case.questions.order_by("pk").first()
    assert question is not None
    consent = consent_record(
        resident=case.resident,
        organisation=organisation,
        question=question,
        shared=["question", "phone"],
        method="verbal",
        valid_until=valid_until,
        recorded_by=employee,
        note=note,
    )
    handover_create(
        question=question,
        entry_point=organisation.entry_points.first(),  # type: ignore[arg-type]
        consent=consent,
        summary="Hulp bij de huur.",
        created_by=employee,
    )
    return consent


def _closed(employee: User, case: Case) -> None:
    for question in case.questions.all():
        question_resolve(question=question, resolution=Resolution.ANSWERED, by=employee)
    case_close(case=case, closed_by=employee, reason="all_arranged")


@pytest.fixture
def seeded(make_user: Callable[..., User]) -> Seeded:
    employee = make_user(Role.SERVICEPUNT)
    today = timezone.localdate()
    closed = case_for_resident(employee, "Huur", "Schulden", "Werk", "Zorg", given_name="Sanne", surname="Visser")
    questions = list(closed.questions.order_by("pk"))
    consents = []
    for question, (note, valid_until) in zip(
        questions,
        [
            ("Mondeling, moeder was erbij.", default_valid_until(today)),
            ("Alleen over de huur.", today),
            ("Ook de schuldhulp mag bellen.", default_valid_until(today)),
            ("", default_valid_until(today)),
        ],
        strict=True,
    ):
        consent = consent_record(
            resident=closed.resident,
            organisation=organisation_detail(code="juridisch-loket"),
            question=question,
            shared=["question"],
            method="verbal",
            valid_until=valid_until,
            recorded_by=employee,
            note=note,
        )
        handover_create(
            question=question,
            entry_point=organisation_detail(code="juridisch-loket").entry_points.first(),  # type: ignore[arg-type]
            consent=consent,
            summary="Hulp bij de huur.",
            created_by=employee,
        )
        consents.append(consent)
    withdrawn, expiring, lasting, without_note = consents
    withdrawn = consent_withdraw(consent=withdrawn, withdrawn_by=employee)
    without_note = consent_withdraw(consent=without_note, withdrawn_by=employee)
    _closed(employee, closed)
    opened = case_for_resident(employee, given_name="Joris", surname="Bakker")
    of_open_case = _consent(employee, opened, note="Belt liever na 17 uur.", valid_until=default_valid_until(today))
    of_open_case = consent_withdraw(consent=of_open_case, withdrawn_by=employee)
    return Seeded(withdrawn, expiring, lasting, of_open_case, without_note)


def _cutoff(days: int) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


def _notes() -> dict[int, str]:
    return dict(Consent.objects.values_list("pk", "note"))


def test_the_note_goes_a_period_after_withdrawal_or_expiry_of_a_closed_case(seeded: Seeded) -> None:
    before = _notes()
    assert consents_anonymise(ended_before=_cutoff(-1), apply=False) == 0
    # Withdrawn or expired (valid until today) before the cutoff: two; not the one still valid,
    # not the one without a note, not the one of the open case.
    assert consents_anonymise(ended_before=_cutoff(2), apply=False) == 2
    assert _notes() == before  # a dry run changes nothing
    assert consents_anonymise(ended_before=_cutoff(2), apply=True) == 2
    assert consents_anonymise(ended_before=_cutoff(2), apply=True) == 0  # idempotent
    after = _notes()
    assert after[seeded.withdrawn.pk] == after[seeded.expiring.pk] == ""
    assert after[seeded.lasting.pk] == "Ook de schuldhulp mag bellen."
    assert after[seeded.of_open_case.pk] == "Belt liever na 17 uur."
    # What was shared, with whom, how and when stays: the proof of the consent (AVG art. 7 lid 1).
    withdrawn = Consent.objects.get(pk=seeded.withdrawn.pk)
    assert (withdrawn.categories, withdrawn.method, withdrawn.organisation.code) == (
        ["name", "question"],
        "verbal",
        "juridisch-loket",
    )
    assert withdrawn.withdrawn_at == seeded.withdrawn.withdrawn_at
    assert withdrawn.handover.summary == "Hulp bij de huur."  # the handover follows the resident
    # Once it expired, the consent given for the default period is due too; the open case's never.
    assert consents_anonymise(ended_before=_cutoff(400), apply=True) == 1
    assert _notes()[seeded.of_open_case.pk] == "Belt liever na 17 uur."


def test_the_resident_being_anonymised_takes_every_note_whatever_the_date(seeded: Seeded) -> None:
    resident = seeded.lasting.resident_id
    assert consents_anonymise(resident_ids=[resident], apply=False) == 3
    assert consents_anonymise(resident_ids=[resident], ended_before=_cutoff(-1), apply=True) == 3
    assert consents_anonymise(resident_ids=[resident], apply=True) == 0
    notes = _notes()
    assert {notes[c.pk] for c in (seeded.withdrawn, seeded.expiring, seeded.lasting)} == {""}
    assert notes[seeded.of_open_case.pk] == "Belt liever na 17 uur."
