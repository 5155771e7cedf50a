"""The bulk path for synthetic data (`cases.seeding`) applies the cases' own rules: the status
rule, the closing rule, the life domain of a linked product, the BSN's 11-proef and encryption."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.utils import timezone

from servicepunt.cases.choices import CaseStatus, ClosingReason, EventKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.identifiers import bsn_decrypt
from servicepunt.cases.seeding import (
    CasesBatch,
    CaseSeed,
    ClosingSeed,
    QuestionSeed,
    ResidentSeed,
    bsns_unused,
    cases_seed,
    questions_seeded,
)
from servicepunt.cases.services import CaseNotClosable
from servicepunt.cases.testing import case_rows, question_rows, resident_rows
from servicepunt.catalogue.testing import product_rows
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
BSN = "999990019"  # test range, passes the 11-proef


def _resident(employee: User, at: dt.datetime, bsn: str = "") -> ResidentSeed:
    return ResidentSeed(given_name="Anna", surname="Jansen", registered_by_id=employee.pk, registered_at=at, bsn=bsn)


def _settled(text: str, resolution: Resolution, at: dt.datetime, product_id: int | None = None) -> QuestionSeed:
    return QuestionSeed(text=text, created_at=at, product_id=product_id, resolution=resolution, resolved_at=at)


def test_an_unclosed_case_gets_its_status_from_the_status_rule(employee: User) -> None:
    at = timezone.now() - dt.timedelta(days=2)
    resident = _resident(employee, at)
    waiting = CaseSeed(
        resident=resident,
        opened_by_id=employee.pk,
        opened_at=at,
        questions=(_settled("Huur", Resolution.PARTNER_ACCEPTED, at), _settled("Brief", Resolution.ANSWERED, at)),
    )
    working = CaseSeed(
        resident=resident,
        opened_by_id=employee.pk,
        opened_at=at,
        questions=(QuestionSeed(text="Nog open", created_at=at), _settled("Klaar", Resolution.ANSWERED, at)),
    )
    fresh = CaseSeed(resident=resident, opened_by_id=employee.pk, opened_at=at, questions=(QuestionSeed("Nieuw", at),))
    seeded = cases_seed(CasesBatch(residents=(resident,), cases=(waiting, working, fresh)))
    statuses = dict(case_rows().filter(pk__in=seeded.cases).values_list("pk", "status"))
    assert [statuses[pk] for pk in seeded.cases] == [
        CaseStatus.AWAITING_APPOINTMENT,
        CaseStatus.IN_PROGRESS,
        CaseStatus.OPEN,
    ]
    assert list(seeded.statuses) == [statuses[pk] for pk in seeded.cases]


def test_a_closing_the_closing_rule_forbids_is_refused(employee: User) -> None:
    at = timezone.now() - dt.timedelta(days=2)
    resident = _resident(employee, at)
    case = CaseSeed(
        resident=resident,
        opened_by_id=employee.pk,
        opened_at=at,
        questions=(QuestionSeed(text="Nog open", created_at=at), _settled("Klaar", Resolution.ANSWERED, at)),
        closing=ClosingSeed(at=at + dt.timedelta(hours=1), reason=ClosingReason.ALL_ARRANGED, by_id=employee.pk),
    )
    with pytest.raises(CaseNotClosable) as refused:
        cases_seed(CasesBatch(residents=(resident,), cases=(case,)))
    assert refused.value.open_texts == ["Nog open"]
    assert not resident_rows().exists() and not case_rows().exists()


def test_an_allowed_closing_closes_with_its_timeline_and_a_link_gives_the_products_domain(employee: User) -> None:
    at = timezone.now() - dt.timedelta(days=3)
    product = product_rows().filter(domains__isnull=False).distinct().first()
    assert product is not None
    resident = _resident(employee, at, bsn=BSN)
    closed_at = at + dt.timedelta(days=1)
    case = CaseSeed(
        resident=resident,
        opened_by_id=employee.pk,
        opened_at=at,
        questions=(
            QuestionSeed(
                text="Huur",
                created_at=at,
                product_id=product.pk,
                linked_at=at + dt.timedelta(minutes=4),
                resolution=Resolution.BOOKED,
                resolved_at=at + dt.timedelta(hours=1),
            ),
        ),
        closing=ClosingSeed(at=closed_at, reason=ClosingReason.ALL_ARRANGED, by_id=employee.pk),
    )
    seeded = cases_seed(CasesBatch(residents=(resident,), cases=(case,)))
    row = case_rows().get(pk=seeded.cases[0])
    assert (row.status, row.closed_at, row.closing_reason) == (CaseStatus.CLOSED, closed_at, ClosingReason.ALL_ARRANGED)
    assert [e.kind for e in row.events.all()] == [
        EventKind.CASE_OPENED,
        EventKind.QUESTION_ADDED,
        EventKind.QUESTION_LINKED,
        EventKind.QUESTION_BOOKED,
        EventKind.CASE_CLOSED,
    ]
    question = question_rows().get(pk=seeded.questions[0][0])
    assert question.domain == product.domains.order_by("position", "code").first()
    assert questions_seeded([question.pk])[question.pk].resolution == Resolution.BOOKED
    stored = resident_rows().get(pk=seeded.residents[0])
    assert bsn_decrypt(stored.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY) == BSN
    assert bsns_unused([BSN, "999990020"]) == ["999990020"]  # a BSN belongs to one resident


def test_a_bsn_failing_the_11_proef_is_refused(employee: User) -> None:
    at = timezone.now()
    resident = _resident(employee, at, bsn="999990018")
    with pytest.raises(InvalidInput) as refused:
        cases_seed(CasesBatch(residents=(resident,), cases=()))
    assert refused.value.field == "bsn"
