from __future__ import annotations

from typing import Any

from rest_framework import serializers

from servicepunt.handovers.models import Handover


class PartnerHandoverSerializer(serializers.ModelSerializer[Handover]):
    """What a partner sees: the handover, the question and how to reach the resident."""

    entry_point = serializers.SlugRelatedField(slug_field="code", read_only=True)
    question = serializers.CharField(source="question.text", read_only=True)
    resident_name = serializers.CharField(source="question.case.resident.full_name", read_only=True)

    class Meta:
        model = Handover
        fields = [
            "uuid",
            "state",
            "entry_point",
            "question",
            "summary",
            "facts",
            "contact",
            "resident_name",
            "rejection_reason",
            "outcome",
            "created_at",
        ]


class ActionSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(required=False, help_text="Bij afwijzen: no_capacity, not_eligible, …")
    outcome = serializers.CharField(required=False, help_text="Bij afronden: helped of not_helped")
    note = serializers.CharField(required=False)
