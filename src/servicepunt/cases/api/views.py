"""Cases over the API: read a case, close it under the closing rule, search residents. Every
read of personal data is written to the access log, like in the UI."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicepunt.accounts.http import staff_user
from servicepunt.audit.services import access_record_many
from servicepunt.cases import selectors, services
from servicepunt.cases.api.serializers import CaseSerializer, CloseSerializer, ResidentSerializer
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


def _date(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise InvalidInput("gebruik de vorm JJJJ-MM-DD", field="date_of_birth") from error


class ResidentSearchView(APIView):
    permission_classes = [WORK]

    @extend_schema(
        parameters=[
            OpenApiParameter(name, str, description=description)
            for name, description in (
                ("name", "Voornaam of achternaam (delen)."),
                ("date_of_birth", "JJJJ-MM-DD"),
                ("phone", "Telefoonnummer"),
                ("postcode", "Postcode"),
                ("house_number", "Huisnummer"),
                ("bsn", "BSN, alleen exact"),
            )
        ],
        responses=ResidentSerializer(many=True),
        operation_id="resident_search",
    )
    def get(self, request: Request) -> Response:
        params: Any = request.query_params
        criteria = {key: params.get(key, "") for key in ("name", "phone", "postcode", "house_number", "bsn")}
        if not any(criteria.values()) and not params.get("date_of_birth"):
            raise InvalidInput("geef minstens één zoekterm", field="name")
        residents = list(
            selectors.resident_search(
                within=selectors.residents_visible(staff_user(request)),
                date_of_birth=_date(params.get("date_of_birth")),
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
