from __future__ import annotations

from rest_framework import serializers

from servicepunt.triage.selectors import MAX_LANGUAGE_LENGTH, MAX_LIMIT, MAX_TEXT_LENGTH


class TriageRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_TEXT_LENGTH, trim_whitespace=False, help_text="Wat de inwoner vertelt, in eigen woorden."
    )
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=10)
    language = serializers.CharField(
        required=False,
        max_length=MAX_LANGUAGE_LENGTH,
        help_text="Taal van de tekst (BCP 47); weggelaten = automatisch herkennen.",
    )


class TriageMatchSerializer(serializers.Serializer):
    product = serializers.CharField()
    score = serializers.FloatField()
    why = serializers.CharField()
    urgent = serializers.BooleanField(
        help_text="Vooraan gezet omdat de woorden wijzen op gevaar voor leven of veiligheid."
    )


class TriageNeedSerializer(serializers.Serializer):
    need = serializers.CharField(
        help_text="Code van de behoefte; 'safety:…' bij gevaar, 'product:…' bij een productnaam."
    )
    label = serializers.CharField()  # type: ignore[assignment]
    products = serializers.ListField(child=serializers.CharField())
    words = serializers.ListField(
        child=serializers.CharField(), help_text="De woorden van de inwoner die hierop wijzen."
    )
    urgent = serializers.BooleanField()


class TriageResponseSerializer(serializers.Serializer):
    language = serializers.CharField()
    results = TriageMatchSerializer(many=True)
    needs = TriageNeedSerializer(
        many=True, help_text="Elke behoefte in het verhaal, met haar producten: één vraag per behoefte."
    )
    notice = serializers.CharField(allow_blank=True, help_text="Waarom er geen resultaten zijn, als dat zo is.")
