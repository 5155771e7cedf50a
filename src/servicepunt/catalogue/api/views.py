"""Read-only REST endpoints of the catalogue: reference data, so plain list/detail by code."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets

from servicepunt.catalogue import selectors
from servicepunt.catalogue.api.serializers import (
    OrganisationSerializer,
    ProductDetailSerializer,
    ProductSerializer,
)
from servicepunt.catalogue.models import Organisation, Product
from servicepunt.core.access import api_permission


@extend_schema(
    parameters=[
        OpenApiParameter("domain", str, description="Alleen producten in dit leefdomein (code)."),
        OpenApiParameter("organisation", str, description="Alleen producten van deze organisatie (code)."),
    ]
)
class ProductViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "code"
    permission_classes = [api_permission("catalogue.view_product")]

    def get_queryset(self) -> QuerySet[Product]:
        params: Any = self.request.query_params
        products = selectors.product_list(domain=params.get("domain"), organisation=params.get("organisation"))
        if self.action == "retrieve":
            return products.prefetch_related(
                "entry_points__location", "entry_points__organisation", "entry_points__opening_hours"
            )
        return products

    def get_serializer_class(self) -> type[ProductSerializer]:
        return ProductDetailSerializer if self.action == "retrieve" else ProductSerializer


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "code"
    serializer_class = OrganisationSerializer
    permission_classes = [api_permission("catalogue.view_organisation")]

    def get_queryset(self) -> QuerySet[Organisation]:
        return Organisation.objects.filter(active=True).order_by("name")
