"""Test support of the catalogue.

- Its rows by code, for the tests of the apps above it (they may not import `catalogue.models`;
  the import contract in pyproject.toml says so).
- The small test catalogue (`data/` here, the format of `catalogue/data/FORMAT.md`): three made-up
  organisations, four entry points, three products (`test-geldhulp`, `test-huurhulp`, the urgent
  `test-noodhulp`). `small_catalogue_install` puts it in place of the real catalogue for one
  test (fixture `small_catalogue` in the root conftest), so a test that is not about the
  catalogue's content does not break when the real catalogue is edited.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import F, Model

from servicepunt.catalogue.models import (
    CatalogueRelease,
    CatalogueRevision,
    EntryPoint,
    LifeDomain,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    Product,
    ProductContent,
    SearchTerm,
)
from servicepunt.catalogue.services import LoadReport, catalogue_load

if TYPE_CHECKING:
    from django.db.models import Manager

SMALL_CATALOGUE = Path(__file__).resolve().parent / "data"
SMALL_CATALOGUE_PRODUCTS = ("test-geldhulp", "test-huurhulp", "test-noodhulp")
# The revision the small catalogue is installed at: far from any the real catalogue reaches in a
# test run, so a per-process cache keyed by the revision (such as the triage index) never mistakes the
# one catalogue for the other after the test's transaction is rolled back.
_REVISION_OFFSET = 1_000_000
_CATALOGUE_ROWS_CHILDREN_FIRST: tuple[type[Model], ...] = (
    SearchTerm,
    ProductContent,
    Product.entry_points.through,
    Product.domains.through,
    Product,
    OpeningException,
    OpeningHours,
    EntryPoint,
    Location,
    Organisation,
    LifeDomain,
    CatalogueRelease,
)


def small_catalogue_install() -> LoadReport:
    """Replace every catalogue row by the small test catalogue, in one transaction. Meant for a
    test's own transaction (it is rolled back after the test), before the test makes rows that
    refer to the catalogue. The national product list (UPL) stays: it is no part of the files."""
    with transaction.atomic():
        # Plain DELETEs, children first: the ORM's delete would collect and signal each of the
        # thousands of rows (seconds per test); no row of another app refers to them yet.
        with connection.cursor() as cursor:
            for model in _CATALOGUE_ROWS_CHILDREN_FIRST:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
        report = catalogue_load(data_dir=SMALL_CATALOGUE)
        CatalogueRevision.objects.update(revision=F("revision") + _REVISION_OFFSET)
    return report


def small_catalogue_in_use() -> bool:
    """Whether the small test catalogue is the one in the database."""
    return Product.objects.filter(code=SMALL_CATALOGUE_PRODUCTS[0]).exists()


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
