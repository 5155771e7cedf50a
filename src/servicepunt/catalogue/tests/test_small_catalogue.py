"""The small test catalogue: it is valid in the real format, and while a test uses it the real
catalogue is gone, so such a test cannot depend on a real product code."""

from __future__ import annotations

import pytest
from django.db import transaction

from servicepunt.catalogue.loading.parse import parse_catalogue
from servicepunt.catalogue.selectors import entry_points_active, organisation_list, product_detail, products_active
from servicepunt.catalogue.services import revision_current
from servicepunt.catalogue.testing import (
    SMALL_CATALOGUE,
    SMALL_CATALOGUE_PRODUCTS,
    product_rows,
    small_catalogue_install,
)


def test_the_small_catalogue_is_valid_in_the_format_of_the_real_one() -> None:
    data = parse_catalogue(SMALL_CATALOGUE)
    assert tuple(p.code for p in data.products) == SMALL_CATALOGUE_PRODUCTS
    assert [p.code for p in data.products if p.urgent] == ["test-noodhulp"]
    assert {o.code for o in data.organisations} == {"test-gemeente", "test-partner", "test-buurtwerk"}


@pytest.mark.django_db
def test_with_the_small_catalogue_only_its_rows_exist(small_catalogue: None) -> None:
    assert sorted(p.code for p in products_active()) == sorted(SMALL_CATALOGUE_PRODUCTS)
    assert set(product_rows().values_list("code", flat=True)) == set(SMALL_CATALOGUE_PRODUCTS)  # no inactive rest
    assert {o.code for o in organisation_list()} == {"test-gemeente", "test-partner", "test-buurtwerk"}
    assert {e.code for e in entry_points_active()} == {
        "test-gemeente-balie",
        "test-gemeente-telefoon",
        "test-partner-spreekuur",
        "test-buurtwerk-aanmelden",
    }
    rent = product_detail(code="test-huurhulp")
    assert rent.owner.code == "test-partner"
    assert sorted(d.code for d in rent.domains.all()) == ["geld", "wonen"]


@pytest.mark.django_db
def test_the_real_catalogue_is_back_after_the_small_one_is_rolled_back() -> None:
    real_products = set(product_rows().values_list("code", flat=True))
    real_revision = revision_current()
    assert real_products.isdisjoint(SMALL_CATALOGUE_PRODUCTS)
    with pytest.raises(RuntimeError), transaction.atomic():
        small_catalogue_install()
        assert set(product_rows().values_list("code", flat=True)) == set(SMALL_CATALOGUE_PRODUCTS)
        assert revision_current() > real_revision + 1000  # never a revision the real catalogue reaches
        raise RuntimeError("roll back")
    assert set(product_rows().values_list("code", flat=True)) == real_products
    assert revision_current() == real_revision
