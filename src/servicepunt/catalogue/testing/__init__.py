"""Test support of the catalogue: its rows by code, for the tests of the apps above it (they may
not import `catalogue.models`; the import contract in pyproject.toml says so)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from servicepunt.catalogue.models import EntryPoint, Location, Organisation, Product, SearchTerm

if TYPE_CHECKING:
    from django.db.models import Manager


def product(code: str) -> Product:
    """The product with this code (it must exist)."""
    return Product.objects.get(code=code)


def entry_point(code: str) -> EntryPoint:
    """The entry point with this code (it must exist)."""
    return EntryPoint.objects.get(code=code)


def organisation(code: str) -> Organisation:
    """The organisation with this code (it must exist)."""
    return Organisation.objects.get(code=code)


def product_rows() -> Manager[Product]:
    return Product.objects


def entry_point_rows() -> Manager[EntryPoint]:
    return EntryPoint.objects


def organisation_rows() -> Manager[Organisation]:
    return Organisation.objects


def location_rows() -> Manager[Location]:
    return Location.objects


def search_term_rows() -> Manager[SearchTerm]:
    return SearchTerm.objects
