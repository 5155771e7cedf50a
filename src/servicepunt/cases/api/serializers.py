from __future__ import annotations

from typing import Any

from rest_framework import serializers

from servicepunt.cases.models import Case, Question, Resident


class ResidentSerializer(serializers.ModelSerializer[Resident]):
    """No BSN, not even masked: the API never hands it out."""

    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = Resident
        fields = [
            "uuid",
            "full_name",
            "date_of_birth",
            "phone",
            "email",
            "postcode",
            "house_number",
            "preferred_language",
            "contact_preference",
            "needs_interpreter",
            "reads_with_difficulty",
        ]


class QuestionSerializer(serializers.ModelSerializer[Question]):
    # A question need not be tied to a product or a domain (yet): then the code is null.
    product = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    domain = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Question
        fields = ["uuid", "text", "product", "domain", "resolution"]


class CaseSerializer(serializers.ModelSerializer[Case]):
    resident = ResidentSerializer(read_only=True)
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = ["uuid", "status", "closing_reason", "opened_at", "closed_at", "resident", "questions"]


class CloseSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(help_text="all_arranged, resident_withdrew of other")
