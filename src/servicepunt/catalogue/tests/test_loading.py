"""The catalogue files: complete against the contract, and refused with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from servicepunt.catalogue.loading.parse import DEFAULT_DATA_DIR, parse_catalogue
from servicepunt.catalogue.loading.reader import CatalogueFileError

CONTRACT_DIR = Path(__file__).resolve().parent / "contract"


def _contract(name: str) -> list[dict[str, object]]:
    data = yaml.safe_load((CONTRACT_DIR / f"{name}.yaml").read_text())
    return list(data[name])


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return parse_catalogue()


def test_every_contract_product_is_in_the_catalogue_under_its_code_and_upl(catalogue) -> None:  # type: ignore[no-untyped-def]
    ours = {p.code: p for p in catalogue.products}
    for expected in _contract("products"):
        product = ours[str(expected["code"])]
        assert product.upl == (expected["upl"] or "")
        assert product.owner == expected["owner"]
        assert set(product.domains) == set(expected["domains"])  # type: ignore[arg-type]
        assert product.urgent == bool(expected.get("urgent"))


def test_every_contract_organisation_and_domain_is_in_the_catalogue(catalogue) -> None:  # type: ignore[no-untyped-def]
    organisations = {o.code: o for o in catalogue.organisations}
    for expected in _contract("organisations"):
        assert organisations[str(expected["code"])].kind == expected["kind"]
    assert {d.code for d in catalogue.domains} == {str(d["code"]) for d in _contract("domains")}


def test_every_product_has_dutch_and_english_content_and_an_entry_point(catalogue) -> None:  # type: ignore[no-untyped-def]
    entry_points = {o.code: o.entry_points for o in catalogue.organisations}
    for product in catalogue.products:
        assert {"nl", "en"} <= product.content.keys(), product.code
        assert product.content["nl"].what_to_bring, product.code
        assert product.entry_points or entry_points[product.owner], product.code


def _broken_copy(tmp_path: Path, relative: str, old: str, new: str) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    target = data_dir / relative
    text = target.read_text()
    assert old in text
    target.write_text(text.replace(old, new, 1))
    return data_dir


def test_an_unknown_owner_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    data_dir = _broken_copy(tmp_path, "products/schulden.yaml", "owner: gemeente-schuldhulp", "owner: nergens")
    with pytest.raises(CatalogueFileError) as caught:
        parse_catalogue(data_dir)
    error = caught.value
    assert error.path.endswith("schulden.yaml")
    assert error.field.endswith(".owner")
    line = (data_dir / "products/schulden.yaml").read_text().splitlines()[error.line - 1]  # type: ignore[operator]
    assert "owner: nergens" in line


def test_invalid_yaml_is_refused_with_its_line(tmp_path: Path) -> None:
    data_dir = _broken_copy(tmp_path, "domains.yaml", "- {code: wonen,", "- {code: wonen: [,")
    with pytest.raises(CatalogueFileError) as caught:
        parse_catalogue(data_dir)
    assert caught.value.path.endswith("domains.yaml")
    assert caught.value.line is not None


def test_a_bad_opening_time_is_refused(tmp_path: Path) -> None:
    source = next((DEFAULT_DATA_DIR / "organisations").glob("*.yaml"))
    text = source.read_text()
    import re

    match = re.search(r'"\d\d:\d\d-\d\d:\d\d"', text)
    assert match
    data_dir = _broken_copy(tmp_path, f"organisations/{source.name}", match.group(0), '"17:00-09:00"')
    with pytest.raises(CatalogueFileError, match="sluitingstijd"):
        parse_catalogue(data_dir)
