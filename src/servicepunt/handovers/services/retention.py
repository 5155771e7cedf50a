"""Retention of handovers: when a resident is anonymised (see cases.services.retention), what the
handovers hold about them goes too. The consent records stay (which organisation, when, how):
they show what was shared with whom."""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction
from django.db.models import Q

from servicepunt.handovers.models import Handover, HandoverTransition


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
