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


class ResidentSearchSerializer(serializers.Serializer[Any]):
    """The criteria of a resident search, sent in the body so that no name, birth date, phone
    number or BSN ends up in a URL or a server log. At least one is needed."""

    name = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Voornaam of achternaam (delen)."
    )
    date_of_birth = serializers.DateField(required=False, allow_null=True, help_text="JJJJ-MM-DD")
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30, help_text="Telefoonnummer")
    postcode = serializers.CharField(required=False, allow_blank=True, max_length=7, help_text="Postcode")
    house_number = serializers.CharField(required=False, allow_blank=True, max_length=10, help_text="Huisnummer")
    bsn = serializers.CharField(required=False, allow_blank=True, max_length=11, help_text="BSN, alleen exact")


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
