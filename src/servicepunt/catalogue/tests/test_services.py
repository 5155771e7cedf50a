"""Loading into the database: idempotent, atomic, and tracked by the catalogue revision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from servicepunt.catalogue.loading.parse import DEFAULT_DATA_DIR
from servicepunt.catalogue.loading.reader import CatalogueFileError
from servicepunt.catalogue.models import CatalogueRelease, OpeningHours, Product, SearchTerm
from servicepunt.catalogue.services import catalogue_load, revision_current, upl_load

pytestmark = pytest.mark.django_db


def test_loading_the_same_files_again_changes_nothing() -> None:
    releases = CatalogueRelease.objects.count()
    revision = revision_current()
    report = catalogue_load()
    assert not report.changed, report.changes
    assert CatalogueRelease.objects.count() == releases
    assert revision_current() == revision


def test_the_loaded_catalogue_has_content_hours_and_upl_names() -> None:
    huurtoeslag = Product.objects.get(code="huurtoeslag")
    assert huurtoeslag.owner.code == "toeslagen"
    assert huurtoeslag.upl_name == "huurtoeslag"
    assert {c.language for c in huurtoeslag.contents.all()} >= {"nl", "en"}
    assert huurtoeslag.entry_points.exists()
    assert OpeningHours.objects.exists()


def test_a_broken_file_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    toeslagen = data_dir / "products" / "toeslagen-en-minima.yaml"
    toeslagen.write_text(toeslagen.read_text().replace("name: Huurtoeslag", "name: Huurtoeslag NIEUW", 1))
    broken = data_dir / "products" / "schulden.yaml"
    broken.write_text(broken.read_text().replace("owner: gemeente-schuldhulp", "owner: nergens", 1))
    with pytest.raises(CatalogueFileError):
        catalogue_load(data_dir=data_dir)
    assert Product.objects.get(code="huurtoeslag").name == "Huurtoeslag"


def test_a_changed_file_updates_only_what_changed_and_raises_the_revision(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    path = data_dir / "products" / "toeslagen-en-minima.yaml"
    path.write_text(path.read_text().replace("name_en: ", "name_en: Renamed ", 1))
    revision = revision_current()
    report = catalogue_load(data_dir=data_dir)
    assert report.changes == {"product.updated": 1}
    assert revision_current() == revision + 1


def test_a_product_removed_from_the_files_is_deactivated_not_deleted(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    for path in (data_dir / "vocabulary").glob("*.yaml"):
        path.unlink()
    (data_dir / "products" / "studie.yaml").unlink()
    report = catalogue_load(data_dir=data_dir)
    assert report.changes["product.deactivated"] == 3
    assert not Product.objects.get(code="studiefinanciering").active
    assert not SearchTerm.objects.filter(product__active=True).exists()


def test_editing_a_product_in_the_admin_raises_the_revision() -> None:
    revision = revision_current()
    product = Product.objects.get(code="voedselbank")
    product.name_en = "Food bank (edited)"
    product.save()
    assert revision_current() > revision


def test_upl_import_reports_product_uris_missing_from_the_list(tmp_path: Path) -> None:
    csv_path = tmp_path / "upl.csv"
    source = (DEFAULT_DATA_DIR / "upl" / "UPL-actueel.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in source if "/huurtoeslag," not in line]
    csv_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    report = upl_load(path=csv_path)
    assert report.unknown_uris == ["huurtoeslag: http://standaarden.overheid.nl/owms/terms/huurtoeslag"]
