from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone
from stdnum.nl import bsn

from servicepunt.accounts.roles import Role
from servicepunt.accounts.testing import user_rows
from servicepunt.cases.choices import CaseStatus
from servicepunt.cases.closing import RESOLVED, Resolution
from servicepunt.cases.identifiers import bsn_decrypt
from servicepunt.cases.services import case_status_for
from servicepunt.cases.testing import (
    case_rows,
    contact_moment_rows,
    note_rows,
    question_rows,
    resident_rows,
    task_rows,
)
from servicepunt.handovers.states import HandoverState, may_move, resolution_after
from servicepunt.handovers.testing import handover_rows
from servicepunt.infoflits.engine import validate_situation
from servicepunt.infoflits.testing import situation_version_rows

pytestmark = pytest.mark.django_db
RESIDENTS = 40


@pytest.fixture
def demo() -> str:
    out = StringIO()
    call_command("demo", "--residents", str(RESIDENTS), stdout=out)
    return out.getvalue()


def test_demo_makes_synthetic_residents_with_test_range_bsns_and_cases(demo: str, settings: object) -> None:
    assert f"{RESIDENTS} fictieve inwoners" in demo
    assert "medewerker" in demo and "servicepunt-demo-2026" in demo  # the logins `make run` shows
    residents = list(resident_rows().all())
    assert len(residents) == RESIDENTS
    assert case_rows().filter(resident__in=residents).count() >= RESIDENTS
    assert not case_rows().annotate(n=Count("questions")).filter(n=0).exists()
    numbers = [bsn_decrypt(r.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY) for r in residents if r.has_bsn]  # type: ignore[attr-defined]
    assert numbers and all(n.startswith("9999") and bsn.is_valid(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert all(r.postcode.startswith("35") for r in residents)


def test_demo_questions_follow_the_catalogue_and_the_closing_rule(demo: str) -> None:
    linked = question_rows().filter(product__isnull=False).select_related("product", "domain")
    assert linked.exists()
    assert all(q.domain in q.product.domains.all() for q in linked)  # type: ignore[union-attr]
    assert (
        not question_rows()
        .filter(product__isnull=True, resolution__in=[Resolution.BOOKED, Resolution.PARTNER_ACCEPTED])
        .exists()
    )
    for case in case_rows().filter(status=CaseStatus.CLOSED).prefetch_related("questions")[:50]:
        assert case.closed_at and all(Resolution(q.resolution) in RESOLVED for q in case.questions.all())
    assert case_rows().exclude(status=CaseStatus.CLOSED).exists()


def test_demo_infoflits_situations_are_valid_against_the_schema(demo: str) -> None:
    versions = list(situation_version_rows().select_related("infoflits"))
    assert versions
    for version in versions:
        validate_situation(version.situation)
        assert version.situation["reference_date"] == version.infoflits.reference_date.isoformat()
    assert case_rows().filter(infoflits__isnull=False).count() == len(versions)


def test_demo_handovers_match_how_their_question_was_resolved(demo: str) -> None:
    handovers = list(
        handover_rows()
        .select_related("question__case", "question__product", "entry_point", "consent")
        .prefetch_related("transitions")
        .all()
    )
    states = {HandoverState(h.state) for h in handovers}
    assert {HandoverState.ACCEPTED, HandoverState.REJECTED} <= states
    for handover in handovers:
        question = handover.question
        assert question.product is not None and handover.entry_point in question.product.entry_points.all()
        assert handover.organisation_id == handover.entry_point.organisation_id == handover.consent.organisation_id
        assert handover.consent.resident_id == question.case.resident_id
        moves = [(HandoverState(t.from_state), HandoverState(t.to_state)) for t in handover.transitions.all()]
        assert moves[0][0] == HandoverState.CONCEPT and moves[-1][1] == HandoverState(handover.state)
        assert all(may_move(a, b) for a, b in moves)
        # The question stands as the services' rule leaves it after these moves.
        assert Resolution(question.resolution) == resolution_after(b for _, b in moves)
        assert [t.at for t in handover.transitions.all()] == sorted(t.at for t in handover.transitions.all())
    accepted = question_rows().filter(resolution=Resolution.PARTNER_ACCEPTED)
    assert accepted.exists()
    assert not accepted.filter(handovers__isnull=True).exists()


def test_demo_case_status_is_the_status_rule_of_the_services(demo: str) -> None:
    for case in case_rows().exclude(status=CaseStatus.CLOSED).prefetch_related("questions"):
        assert case.status == case_status_for(CaseStatus.OPEN, [q.resolution for q in case.questions.all()])
    assert case_rows().filter(status=CaseStatus.AWAITING_APPOINTMENT).exists()


def test_demo_work_has_tasks_some_overdue_contact_moments_and_notes(demo: str) -> None:
    employee = user_rows().get(username="medewerker")
    today = timezone.localdate()
    open_tasks = task_rows().filter(done_at__isnull=True)
    assert open_tasks.filter(due__lt=today).exists() and open_tasks.filter(due__gte=today).exists()
    assert not open_tasks.filter(case__status=CaseStatus.CLOSED).exists()
    for task in task_rows().all():
        assert (task.assigned_to == employee and not task.team) or (
            task.assigned_to is None and task.team == Role.SERVICEPUNT.value
        )
    assert contact_moment_rows().count() >= case_rows().count()
    assert note_rows().exists()
    assert case_rows().filter(opened_at__lt=timezone.now() - dt.timedelta(days=60)).exists()


def test_demo_runs_twice_without_duplicates_and_tops_up_to_n(demo: str) -> None:
    counts = (resident_rows().count(), case_rows().count(), handover_rows().count(), user_rows().count())
    again = StringIO()
    call_command("demo", "--residents", str(RESIDENTS), stdout=again)
    assert "er komen er geen bij" in again.getvalue() and "servicepunt-demo-2026" in again.getvalue()
    assert (resident_rows().count(), case_rows().count(), handover_rows().count(), user_rows().count()) == counts
    call_command("demo", "--residents", str(RESIDENTS + 5), stdout=StringIO())
    assert resident_rows().count() == RESIDENTS + 5
    digests = list(resident_rows().exclude(bsn_digest="").values_list("bsn_digest", flat=True))
    assert len(digests) == len(set(digests))


def test_demo_leaves_the_clock_of_the_services_alone(demo: str) -> None:
    case = case_rows().create(resident=resident_rows().first(), opened_by=user_rows().get(username="medewerker"))
    assert timezone.now() - case.opened_at < dt.timedelta(minutes=1)
    # ...while the demo's own rows keep the times of their history.
    week_ago = timezone.now() - dt.timedelta(days=7)
    assert handover_rows().filter(created_at__lt=week_ago).exists()
    assert resident_rows().filter(registered_at__lt=week_ago).exists()


def test_demo_refuses_with_pending_migrations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("servicepunt.demo.management.commands.demo._migrations_pending", lambda: True)
    with pytest.raises(CommandError) as refused:
        call_command("demo", "--residents", "3", stdout=StringIO())
    assert refused.value.returncode == 2 and "servicepunt migrate" in str(refused.value)
    assert not resident_rows().exists() and not user_rows().exists()


def test_demo_refuses_where_demo_data_is_switched_off(settings: object) -> None:
    settings.SERVICEPUNT_ALLOW_DEMO_DATA = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError) as refused:
        call_command("demo", "--residents", "3", stdout=StringIO())
    assert refused.value.returncode == 2
    assert "uitgeschakeld" in str(refused.value)
    assert not resident_rows().exists()
