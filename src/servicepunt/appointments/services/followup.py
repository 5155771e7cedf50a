"""When the resident cancels on their own page, the employee hears of it: a follow-up task in Mijn
werkvoorraad for the employee who booked the appointment, else for the case owner, else for the
Servicepunt team. Written through the cases services (the cases context owns its tasks), in the
cancellation's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import structlog
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from servicepunt.accounts.roles import Role
from servicepunt.appointments.models import Appointment
from servicepunt.cases.choices import TaskKind
from servicepunt.cases.services import task_create
from servicepunt.cases.services.work import SHORT_TEXT
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Task

log = structlog.get_logger(__name__)
WORK = "cases.work_cases"
ELLIPSIS = "…"


def _eligible(user: User) -> bool:
    return user is not None and bool(user.is_active) and bool(user.has_perm(WORK))


def _description(rows: Sequence[Appointment], reason: str) -> str:
    first = rows[0]
    start = timezone.localtime(first.start)
    text = _("De inwoner heeft de afspraak van %(day)s om %(time)s (%(product)s) zelf geannuleerd.") % {
        "day": formats.date_format(start, "j F Y"),
        "time": formats.time_format(start, "H:i"),
        "product": first.product.name,
    }
    text += " " + (_("Reden: %(reason)s") % {"reason": reason} if reason else _("Er is geen reden gegeven."))
    if len(text) > SHORT_TEXT:
        # A task holds a short text; the whole reason stays in the appointment's history.
        text = text[: SHORT_TEXT - len(ELLIPSIS)] + ELLIPSIS
    return text


def resident_cancellation_task(rows: Sequence[Appointment], *, by: User, reason: str) -> Task | None:
    """A follow-up task, due today, about these appointments the resident just cancelled; None
    when they answer no question of a case (nothing to put it on) or the case stays closed."""
    question = next((row.question for row in rows if row.question is not None), None)
    uuids = [str(row.uuid) for row in rows]
    if question is None:
        log.info("cancellation_followup_skipped", appointments=uuids, reason="no-case")
        return None
    case = question.case
    assignee = next((user for user in (rows[0].booked_by, case.opened_by) if _eligible(user)), None)
    # The resident's page runs in the resident's language; the task is read by staff.
    with translation.override(settings.LANGUAGE_CODE):
        description = _description(rows, reason)
    try:
        task = task_create(
            case=case,
            created_by=by,
            kind=TaskKind.FOLLOW_UP,
            description=description,
            due=timezone.localdate(),
            assigned_to=assignee,
            team="" if assignee is not None else Role.SERVICEPUNT.value,
        )
    except InvalidInput as refused:
        if refused.field != "case":
            raise
        log.info("cancellation_followup_skipped", appointments=uuids, reason="case-closed")
        return None
    log.info("cancellation_followup_created", appointments=uuids, assigned=assignee is not None)
    return task
