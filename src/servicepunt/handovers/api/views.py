"""The partner's inbox over the API: list, read and act on handovers to the own organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicepunt.accounts.http import staff_user
from servicepunt.audit.services import access_record_many
from servicepunt.core.access import api_permission
from servicepunt.core.api_schema import conflict_response
from servicepunt.handovers import services
from servicepunt.handovers.api.serializers import ActionSerializer, PartnerHandoverSerializer
from servicepunt.handovers.selectors import partner_handover, partner_handover_shared, partner_inbox_shared

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

PARTNER = api_permission("handovers.work_partner_inbox")
PURPOSE = "overdracht behandelen"
INBOX_LIMIT = 200
ACTIONS = ["accept", "reject", "plan", "complete"]  # handover_act's actions


def _logged(user: User, handovers: list[Any], screen: str) -> None:
    access_record_many(
        user=user,
        subject_type="resident",
        subject_ids=[str(handover.question.case.resident.uuid) for handover in handovers],
        screen=screen,
        purpose=PURPOSE,
    )


class HandoverInboxView(APIView):
    permission_classes = [PARTNER]

    @extend_schema(responses=PartnerHandoverSerializer(many=True), operation_id="handover_inbox")
    def get(self, request: Request) -> Response:
        shared = partner_inbox_shared(user=staff_user(request), limit=INBOX_LIMIT)
        _logged(staff_user(request), [item.handover for item in shared], "api.handover_inbox")
        return Response(PartnerHandoverSerializer(shared, many=True).data)


class HandoverActionView(APIView):
    """accept, reject (reason), plan (note) or complete (outcome, note)."""

    permission_classes = [PARTNER]

    @extend_schema(
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=ACTIONS)],
        request=ActionSerializer,
        responses={
            200: PartnerHandoverSerializer,
            **conflict_response("The handover's state does not allow this action now."),
        },
        operation_id="handover_action",
    )
    def post(self, request: Request, uuid: str, action: str) -> Response:
        handover = partner_handover(user=staff_user(request), uuid=uuid)
        data: Any = request.data if isinstance(request.data, dict) else {}
        services.handover_act(
            handover=handover,
            action=action,
            by=staff_user(request),
            reason=str(data.get("reason", "")),
            outcome=str(data.get("outcome", "")),
            note=str(data.get("note", "")),
        )
        shared = partner_handover_shared(user=staff_user(request), uuid=uuid)
        _logged(staff_user(request), [shared.handover], f"api.handover_{action}")
        return Response(PartnerHandoverSerializer(shared).data)
