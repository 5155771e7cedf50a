from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from servicepunt.core.access import api_permission
from servicepunt.infoflits.api.serializers import SituationSerializer
from servicepunt.infoflits.selectors import suggestions_for


class SuggestionsView(APIView):
    """What else can this household be offered? Takes a Situation (situation.schema.json)."""

    permission_classes = [api_permission("infoflits.run_infoflits")]

    @extend_schema(
        request={"application/json": {"type": "object", "description": "Situation per situation.schema.json"}},
        responses={200: {"type": "object"}},
        operation_id="suggestions",
        examples=[
            OpenApiExample(
                "Alleenstaande ouder met huurachterstand",
                request_only=True,
                value={
                    "reference_date": "2026-11-01",
                    "person": {"age": 34, "has_partner": False},
                    "children": [{"age": 6, "lives_at_home": True}],
                    "housing": {"situation": "rent_social", "monthly_rent": 690, "rent_arrears": True},
                },
            )
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = SituationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(suggestions_for(serializer.validated_data).to_dict())
