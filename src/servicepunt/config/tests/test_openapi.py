"""The committed OpenAPI document (docs/openapi.yaml) matches what the code generates."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import yaml
from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[4] / "docs" / "openapi.yaml"
PROBLEM_SCHEMA = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_the_committed_openapi_document_is_up_to_date() -> None:
    generated = StringIO()
    call_command("spectacular", "--validate", stdout=generated)
    assert generated.getvalue() == COMMITTED.read_text(), (
        "docs/openapi.yaml is out of date: run `servicepunt spectacular --file docs/openapi.yaml`"
    )


def test_every_operation_documents_its_problem_answers() -> None:
    """400 and 403 everywhere, 404 where the path names an object, 415 where a body is taken:
    each as application/problem+json with the Problem schema."""
    document = yaml.safe_load(COMMITTED.read_text())
    operations = [(path, method, op) for path, item in document["paths"].items() for method, op in item.items()]
    assert operations
    for path, method, operation in operations:
        expected = (
            {"400", "403"} | ({"404"} if "{" in path else set()) | ({"415"} if "requestBody" in operation else set())
        )
        problems = {code: answer for code, answer in operation["responses"].items() if code.startswith(("4", "5"))}
        assert expected <= set(problems), f"{method.upper()} {path} lacks {sorted(expected - set(problems))}"
        for code, answer in problems.items():
            assert answer["content"] == PROBLEM_SCHEMA, f"{method.upper()} {path} {code}"
