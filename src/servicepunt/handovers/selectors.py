"""What a partner may see: only handovers addressed to its organisation whose consent still holds."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from servicepunt.accounts.models import User
from servicepunt.handovers.models import Handover
from servicepunt.handovers.states import HandoverState


def partner_inbox(*, user: User) -> QuerySet[Handover]:
    organisation_id = user.organisation_id
    if organisation_id is None:
        raise PermissionDenied
    return (
        Handover.objects.filter(organisation_id=organisation_id, consent__withdrawn_at__isnull=True)
        .exclude(state=HandoverState.CONCEPT)
        .select_related("entry_point", "question")
    )


def partner_new_count(*, user: User) -> int:
    return partner_inbox(user=user).filter(state=HandoverState.SENT).count()


def partner_handover(*, user: User, uuid: str) -> Handover:
    return get_object_or_404(partner_inbox(user=user), uuid=uuid)
