"""Retention of handovers and consents. The periods are not set here: the caller (privacy) passes
the cutoffs from its retention rules.

- When a resident is anonymised (see cases.services.retention), what the handovers hold about
  them goes too.
- A consent stays as the proof of what was shared with whom (organisation, purpose, categories,
  how, when, until when, withdrawn when: AVG art. 7 lid 1) as long as its handover exists. Its
  free-text note goes in the run that anonymises the resident, or once the consent was withdrawn
  or expired before the cutoff and its case is closed. A consent of an open case stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from servicepunt.cases.choices import CaseStatus
from servicepunt.handovers.models import Consent, Handover, HandoverTransition


@transaction.atomic
def handovers_anonymise(*, resident_ids: Collection[int], apply: bool) -> int:
    """Wipe the summary, the infoflits facts, the contact details and the notes of the handovers
    of these residents (or with apply=False only count them). Nothing left to wipe: not counted."""
    due = Handover.objects.filter(question__case__resident_id__in=list(resident_ids)).filter(
        ~Q(summary="") | ~Q(facts={}) | ~Q(contact={}) | ~Q(outcome_note="")
    )
    count = due.count()
    if apply and count:
        HandoverTransition.objects.filter(handover__in=due).update(note="")
        due.update(summary="", facts={}, contact={}, outcome_note="")
    return count


def _of_open_case() -> Q:
    """Consents whose purpose (the question, or their handover's question) is in a case that is
    not closed."""
    not_closed = [status for status in CaseStatus.values if status != CaseStatus.CLOSED]
    return Q(question__case__status__in=not_closed) | Q(handover__question__case__status__in=not_closed)


@transaction.atomic
def consents_anonymise(
    *, resident_ids: Collection[int] = (), ended_before: dt.datetime | None = None, apply: bool
) -> int:
    """Wipe the note of the consents of these residents and, with `ended_before`, of every
    consent withdrawn or expired before it whose case is closed (or with apply=False only count
    them). What was shared, with whom and how stays. Nothing left to wipe: not counted."""
    due_if = Q(resident_id__in=list(resident_ids))
    if ended_before is not None:
        ended = Q(withdrawn_at__lt=ended_before) | Q(valid_until__lt=timezone.localdate(ended_before))
        due_if |= ended & ~Q(pk__in=Consent.objects.filter(_of_open_case()).values("pk"))
    ids = list(Consent.objects.filter(due_if).exclude(note="").values_list("pk", flat=True))
    if apply and ids:
        Consent.objects.filter(pk__in=ids).update(note="")
    return len(ids)
