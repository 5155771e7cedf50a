"""Shared by the case services: the timeline entry every change writes, and locking a case that
must still be open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from servicepunt.cases.choices import CaseStatus, EventKind
from servicepunt.cases.models import Case, CaseEvent
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

DETAIL_LENGTH = 300  # CaseEvent.detail's max_length


def event_detail(detail: str) -> str:
    """A timeline line's detail is a summary of a record kept whole elsewhere (the question, the
    note), so a long one is shortened visibly, with an ellipsis."""
    if len(detail) > DETAIL_LENGTH:
        return detail[: DETAIL_LENGTH - 1].rstrip() + "…"
    return detail


def event_record(case: Case, by: User, kind: EventKind, detail: str = "") -> None:
    """A timeline line (its detail shortened by `event_detail`)."""
    kind = EventKind(kind)  # a kind nobody listed is a programming error, not a timeline line
    CaseEvent.objects.create(case=case, by=by, kind=kind, detail=event_detail(detail))


def case_locked(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def case_locked_open(case: Case) -> Case:
    """The case, locked for this transaction; refused when it is closed."""
    case = case_locked(case)
    if case.status == CaseStatus.CLOSED:
        raise InvalidInput(_("Dit vraagstuk is afgesloten. Open het eerst opnieuw."), field="case")
    return case
