from __future__ import annotations

from typing import Any

from rest_framework import serializers

from servicepunt.handovers.choices import Outcome, RejectionReason
from servicepunt.handovers.models.handover import STATE_LABELS

STATES = [(state.value, label) for state, label in STATE_LABELS.items()]


class ConsentTermsSerializer(serializers.Serializer[Any]):
    categories = serializers.ListField(
        child=serializers.CharField(), help_text="Wat de inwoner toestond te delen (codes, de naam altijd)."
    )
    infoflits_domains = serializers.ListField(
        child=serializers.CharField(), help_text="Leefdomeinen waarvan de antwoorden uit de infoflits gedeeld worden."
    )
    labels = serializers.ListField(child=serializers.CharField(), help_text="Hetzelfde in gewone woorden.")
    valid_until = serializers.DateField(help_text="De toestemming geldt tot en met deze dag.")
    expired = serializers.BooleanField(help_text="Verlopen: alleen de naam wordt nog gedeeld.")


class PartnerHandoverSerializer(serializers.Serializer[Any]):
    """What a partner sees: the handover cut to the resident's consent (handovers.sharing).
    A field the consent does not share is null (facts: empty)."""

    uuid = serializers.UUIDField(source="handover.uuid", read_only=True)
    state = serializers.ChoiceField(source="handover.state", choices=STATES, read_only=True)
    entry_point = serializers.CharField(source="handover.entry_point.code", read_only=True)
    created_at = serializers.DateTimeField(source="handover.created_at", read_only=True)
    rejection_reason = serializers.ChoiceField(
        source="handover.rejection_reason", choices=RejectionReason.choices, allow_blank=True, read_only=True
    )
    outcome = serializers.ChoiceField(
        source="handover.outcome", choices=Outcome.choices, allow_blank=True, read_only=True
    )
    resident_name = serializers.CharField(read_only=True)
    question = serializers.CharField(read_only=True, allow_null=True)
    summary = serializers.CharField(read_only=True, allow_null=True)
    phone = serializers.CharField(read_only=True, allow_null=True)
    email = serializers.CharField(read_only=True, allow_null=True)
    address = serializers.CharField(read_only=True, allow_null=True, help_text="Postcode en huisnummer.")
    contact = serializers.DictField(
        source="communication",
        read_only=True,
        allow_null=True,
        help_text="Contactvoorkeur, taal, tolk, leest moeilijk.",
    )
    facts = serializers.DictField(read_only=True, help_text="Antwoorden uit de infoflits van de gedeelde leefdomeinen.")
    zrm = serializers.DictField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="Zelfredzaamheid per leefdomein (ZRM, 1 tot en met 5), als de inwoner die wilde delen.",
    )
    consent = ConsentTermsSerializer(read_only=True)


class ActionSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(required=False, help_text="Bij afwijzen: no_capacity, not_eligible, …")
    outcome = serializers.CharField(required=False, help_text="Bij afronden: helped of not_helped")
    note = serializers.CharField(required=False)
