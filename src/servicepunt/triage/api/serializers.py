from __future__ import annotations

from rest_framework import serializers

from servicepunt.triage.selectors import MAX_LIMIT, MAX_TEXT_LENGTH


class TriageRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_TEXT_LENGTH, help_text="Wat de inwoner vertelt, in eigen woorden.")
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=10)
    language = serializers.CharField(
        required=False, max_length=10, help_text="Taal van de tekst (BCP 47); weggelaten = automatisch herkennen."
    )


class TriageMatchSerializer(serializers.Serializer):
    product = serializers.CharField()
    score = serializers.FloatField()
    why = serializers.CharField()


class TriageResponseSerializer(serializers.Serializer):
    language = serializers.CharField()
    results = TriageMatchSerializer(many=True)
