"""The partner's view of warm handovers: an inbox of the handovers addressed to the own
organisation, and per handover accept, reject with a reason, plan and record the outcome.
What the partner reads of the resident is only what the consent shares (`handovers.sharing`):
the templates get a `SharedHandover`, never the resident."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.audit.services import access_record, access_record_many
from servicepunt.core.access import permission_required
from servicepunt.core.errors import ServicepuntError
from servicepunt.handovers import services
from servicepunt.handovers.choices import Outcome, RejectionReason
from servicepunt.handovers.facts import facts_labelled
from servicepunt.handovers.selectors import partner_handover_shared, partner_inbox_shared
from servicepunt.handovers.sharing import zrm_labelled
from servicepunt.handovers.states import HandoverState, may_move

PARTNER = "handovers.work_partner_inbox"
PURPOSE = "overdracht behandelen"
INBOX_LIMIT = 200


@permission_required(PARTNER)
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    shared = partner_inbox_shared(user=request.user, limit=INBOX_LIMIT)
    handovers = [item.handover for item in shared]
    access_record_many(
        user=request.user,
        subject_type="resident",
        subject_ids=[str(handover.question.case.resident.uuid) for handover in handovers],
        screen="handovers.inbox",
        purpose=PURPOSE,
    )
    counts = {state: sum(1 for h in handovers if h.state == state) for state in HandoverState}
    return render(
        request,
        "handovers/inbox.html",
        {"shared_handovers": shared, "new_count": counts[HandoverState.SENT], "counts": counts},
    )


def _detail_context(request: AuthenticatedRequest, uuid: str) -> dict[str, Any]:
    shared = partner_handover_shared(user=request.user, uuid=uuid)
    handover = shared.handover
    resident = handover.question.case.resident
    state = HandoverState(handover.state)
    access_record(
        user=request.user,
        subject_type="resident",
        subject_id=str(resident.uuid),
        screen="handovers.detail",
        purpose=PURPOSE,
    )
    return {
        "handover": handover,
        "shared": shared,
        "transitions": handover.transitions.select_related("by"),
        "facts": facts_labelled(shared.facts, get_language() or "nl"),
        "zrm": zrm_labelled(shared.zrm),
        "rejection_reasons": RejectionReason.choices,
        "outcomes": Outcome.choices,
        "can_accept": may_move(state, HandoverState.ACCEPTED),
        "can_plan": may_move(state, HandoverState.PLANNED),
        "can_complete": may_move(state, HandoverState.COMPLETED),
    }


@permission_required(PARTNER)
def detail(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    return render(request, "handovers/detail.html", _detail_context(request, uuid))


# Lazy: translated when shown, in the language of that request (not of the first import).
DONE = {
    "accept": _("Geaccepteerd. Uw organisatie maakt de afspraak met de inwoner."),
    "reject": _("Afgewezen. Het Servicepunt pakt de vraag weer op."),
    "plan": _("Afspraak gepland."),
    "complete": _("Uitkomst vastgelegd."),
}


@require_POST
@permission_required(PARTNER)
def act(request: AuthenticatedRequest, uuid: str, action: str) -> HttpResponse:
    context = _detail_context(request, uuid)
    post = request.POST
    try:
        services.handover_act(
            handover=context["handover"],
            action=action,
            by=request.user,
            reason=post.get("reason", ""),
            outcome=post.get("outcome", ""),
            note=post.get("note", ""),
        )
    except ServicepuntError as error:
        context["error"] = error
        return render(request, "handovers/detail.html", context, status=error.status)
    messages.success(request, str(DONE[action]))
    return redirect("handovers:detail", uuid=uuid)
