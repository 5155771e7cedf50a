from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_export_as_json_holds_every_active_product_with_its_content() -> None:
    out = StringIO()
    call_command("catalogue", "export", "--format", "json", stdout=out)
    exported = json.loads(out.getvalue())
    products = {p["code"]: p for p in exported["products"]}
    assert len(products) >= 59
    assert products["veilig-thuis"]["urgent"] is True
    assert products["huurtoeslag"]["content"]["nl"]["summary"]
    assert exported["version"]


def test_load_command_reports_no_changes_on_a_second_run() -> None:
    out = StringIO()
    call_command("catalogue", "load", stdout=out)
    assert "geen wijzigingen" in out.getvalue()
