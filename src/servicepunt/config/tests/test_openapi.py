"""The committed OpenAPI document (docs/openapi.yaml) matches what the code generates."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"


def test_the_committed_openapi_document_is_up_to_date() -> None:
    generated = StringIO()
    call_command("spectacular", "--validate", stdout=generated)
    assert generated.getvalue() == COMMITTED.read_text(), (
        "docs/openapi.yaml is out of date: run `servicepunt spectacular --file docs/openapi.yaml`"
    )
