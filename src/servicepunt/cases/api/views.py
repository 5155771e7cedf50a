"""Cases over the API: read a case, close it under the closing rule, search residents (by POST). Every
read of personal data is written to the access log, like in the UI."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicepunt.accounts.http import staff_user
from servicepunt.audit.services import access_record_many
from servicepunt.cases import selectors, services
from servicepunt.cases.api.serializers import (
    CaseSerializer,
    CloseSerializer,
    ResidentSearchSerializer,
    ResidentSerializer,
)
from servicepunt.core.access import api_permission
from servicepunt.core.api_schema import conflict_response
from servicepunt.core.errors import InvalidInput

WORK = api_permission("cases.work_cases")


class CaseDetailView(APIView):
    permission_classes = [WORK]

    @extend_schema(responses=CaseSerializer, operation_id="case_detail")
    def get(self, request: Request, uuid: str) -> Response:
        case = selectors.case_get(user=staff_user(request), uuid=uuid, screen="api.case")
        case = (
            selectors.cases_visible(staff_user(request))
            .prefetch_related("questions__product", "questions__domain")
            .get(pk=case.pk)
        )
        return Response(CaseSerializer(case).data)


class CaseCloseView(APIView):
    """Close a case. Refused (409 problem+json) while questions are open; the refusal names them."""

    permission_classes = [WORK]

    @extend_schema(
        request=CloseSerializer,
        responses={200: CaseSerializer, **conflict_response("Questions are still open; `detail` names them.")},
        operation_id="case_close",
    )
    def post(self, request: Request, uuid: str) -> Response:
        case = selectors.case_get(user=staff_user(request), uuid=uuid, screen="api.case_close")
        data: Any = request.data
        reason = data.get("reason", "") if isinstance(data, dict) else ""
        case = services.case_close(case=case, closed_by=staff_user(request), reason=str(reason))
        return Response(CaseSerializer(case).data)


class ResidentSearchView(APIView):
    """Search residents. A POST, not a GET with query parameters: the criteria are personal data
    and stay out of URLs and server logs."""

    permission_classes = [WORK]

    @extend_schema(
        request=ResidentSearchSerializer,
        responses=ResidentSerializer(many=True),
        operation_id="resident_search",
    )
    def post(self, request: Request) -> Response:
        serializer = ResidentSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(serializer.validated_data)
        criteria = {key: data.get(key) or "" for key in ("name", "phone", "postcode", "house_number", "bsn")}
        if not any(criteria.values()) and not data.get("date_of_birth"):
            raise InvalidInput("geef minstens één zoekterm", field="name")
        residents = list(
            selectors.resident_search(
                within=selectors.residents_visible(staff_user(request)),
                date_of_birth=data.get("date_of_birth"),
                **criteria,
            )
        )
        access_record_many(
            user=staff_user(request),
            subject_type="resident",
            subject_ids=[str(resident.uuid) for resident in residents],
            screen="api.resident_search",
            purpose=selectors.ACCESS_PURPOSE,
        )
        return Response(ResidentSerializer(residents, many=True).data)
