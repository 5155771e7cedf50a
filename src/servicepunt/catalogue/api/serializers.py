from __future__ import annotations

from rest_framework import serializers

from servicepunt.catalogue.models import EntryPoint, Organisation, Product, ProductContent
from servicepunt.catalogue.selectors import weekly_hours


class ProductContentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProductContent
        fields = ["language", "summary", "for_whom", "what_you_get", "how_to_apply", "what_to_bring"]


class EntryPointSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="code", read_only=True)
    address = serializers.SerializerMethodField()
    opening_hours = serializers.SerializerMethodField()

    class Meta:
        model = EntryPoint
        fields = [
            "uuid",
            "code",
            "organisation",
            "name_nl",
            "name_en",
            "channels",
            "phone",
            "email",
            "website",
            "languages",
            "appointments",
            "address",
            "opening_hours",
        ]

    def get_address(self, obj: EntryPoint) -> str | None:
        return obj.location.address_line if obj.location else None

    def get_opening_hours(self, obj: EntryPoint) -> list[list[str]]:
        """Seven lists (Monday first) of "HH:MM–HH:MM" intervals; an empty list means closed."""
        return [day.intervals for day in weekly_hours(obj)]


class ProductSerializer(serializers.ModelSerializer):
    owner = serializers.SlugRelatedField(slug_field="code", read_only=True)
    domains = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    contents = ProductContentSerializer(many=True, read_only=True)

    class Meta:
        model = Product
        fields = ["uuid", "code", "name", "name_en", "upl_uri", "upl_name", "owner", "domains", "urgent", "contents"]


class ProductDetailSerializer(ProductSerializer):
    entry_points = EntryPointSerializer(many=True, read_only=True)

    class Meta(ProductSerializer.Meta):
        fields = [*ProductSerializer.Meta.fields, "entry_points"]


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["uuid", "code", "name", "name_en", "kind", "website", "phone", "description_nl", "description_en"]
