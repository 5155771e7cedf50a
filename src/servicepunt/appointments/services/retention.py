"""Retention of appointments and their notification records. The periods are not set here: the
caller (privacy) passes the cutoffs from its retention rules.

- The free text of an appointment (the counter note) and its video link (also the combination's)
  go once the appointment ended before the cutoff and its case is closed, and in any case in the
  run that anonymises its resident (see cases.services.retention). Dates, products, places and
  the history stay for the figures.
- A notification record (the delivery record of one message) is deleted once it was sent (or,
  not sent, recorded) before the cutoff and the appointment it was about started before it too.
  A message still being sent stays.

An appointment of an open case, and its messages, stay whatever their date. An appointment
without a question counts as open while its resident has an open case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce

from servicepunt.appointments.choices import NotificationStatus
from servicepunt.appointments.models import Appointment, Arrangement, Notification
from servicepunt.cases.choices import CaseStatus

_HAS_DETAILS = ~Q(note="") | ~Q(meeting_url="") | (Q(arrangement__isnull=False) & ~Q(arrangement__meeting_url=""))


def _of_open_case() -> Q:
    """Appointments of a case that is not closed; without a question, of a resident with a case
    that is not closed."""
    not_closed = [status for status in CaseStatus.values if status != CaseStatus.CLOSED]
    return Q(question__case__status__in=not_closed) | Q(question__isnull=True, resident__cases__status__in=not_closed)


def _past(ended_before: dt.datetime) -> Q:
    return Q(end__lt=ended_before) & ~Q(pk__in=Appointment.objects.filter(_of_open_case()).values("pk"))


@transaction.atomic
def appointments_anonymise(
    *, resident_ids: Collection[int] = (), ended_before: dt.datetime | None = None, apply: bool
) -> int:
    """Wipe the counter note and the video link of these residents' appointments and, with
    `ended_before`, of every appointment of a closed case that ended before it (or with
    apply=False only count them). Nothing left to wipe: not counted, so a second run counts 0."""
    due_if = Q(resident_id__in=list(resident_ids))
    if ended_before is not None:
        due_if |= _past(ended_before)
    due = Appointment.objects.filter(due_if).filter(_HAS_DETAILS).distinct()
    ids = list(due.values_list("pk", flat=True))
    if apply and ids:
        # A combination's link goes once none of its parts is kept.
        arrangements = set(
            Appointment.objects.filter(pk__in=ids, arrangement__isnull=False).values_list("arrangement_id", flat=True)
        )
        kept = set(
            Appointment.objects.filter(arrangement_id__in=arrangements)
            .exclude(due_if)
            .values_list("arrangement_id", flat=True)
        )
        Arrangement.objects.filter(pk__in=arrangements - kept).exclude(meeting_url="").update(meeting_url="")
        Appointment.objects.filter(pk__in=ids).update(note="", meeting_url="")
    return len(ids)


@transaction.atomic
def notifications_delete(*, sent_before: dt.datetime, apply: bool) -> int:
    """Delete the delivery records sent (or recorded, when not sent) before the cutoff, about an
    appointment that started before it, of a closed case (or with apply=False only count them)."""
    due = (
        Notification.objects.annotate(moment=Coalesce("sent_at", "at"))
        .filter(moment__lt=sent_before, starts_at__lt=sent_before)
        .exclude(status=NotificationStatus.QUEUED)
        .exclude(appointment__in=Appointment.objects.filter(_of_open_case()))
    )
    ids = list(due.values_list("pk", flat=True))
    if apply and ids:
        Notification.objects.filter(pk__in=ids).delete()
    return len(ids)
