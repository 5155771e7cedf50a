from __future__ import annotations

from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicepunt.core.access import api_permission
from servicepunt.triage.api.serializers import TriageRequestSerializer, TriageResponseSerializer
from servicepunt.triage.selectors import triage_search


class TriageView(APIView):
    """Waar moet ik beginnen? From the resident's own words to ranked products with reasons."""

    permission_classes = [api_permission("triage.use_triage")]

    @extend_schema(request=TriageRequestSerializer, responses=TriageResponseSerializer, operation_id="triage")
    def post(self, request: Request) -> Response:
        serializer = TriageRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        answer = triage_search(data["text"], limit=data["limit"], language=data.get("language"))
        return Response(
            {
                "language": answer.language,
                "results": [asdict(m) for m in answer.results],
                "needs": [asdict(n) for n in answer.needs],
                "notice": answer.notice,
            }
        )
