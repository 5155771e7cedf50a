"""Everything under /api/ answers problem+json, and bad input is a 400 naming the parameter or
field, never a 500: NUL and control characters (PostgreSQL refuses NUL), over-long values,
malformed, non-UTF-8, too deep or too big bodies, unknown paths, malformed uuids, server errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client, override_settings

from servicepunt.accounts.roles import Role
from servicepunt.core.api import PROBLEM_CONTENT_TYPE
from servicepunt.core.api_input import BODY_MAX_DEPTH, PARAMETER_MAX_LENGTH

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
CONTROL_MESSAGE = "De tekst bevat een teken dat niet kan (een stuurteken)."


@pytest.fixture
def api(make_user: Callable[..., User]) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(make_user(Role.SERVICEPUNT))
    return client


def _problem(response: object, status: int) -> dict[str, object]:
    assert response.status_code == status, response.content[:300]  # type: ignore[attr-defined]
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE  # type: ignore[index]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status and "{" not in str(body["title"])
    return body


def _names(body: dict[str, object]) -> list[str]:
    return [param["name"] for param in body["invalid_params"]]  # type: ignore[attr-defined, index]


@pytest.mark.parametrize("value", ["a\x00b", "\x00", "x\x1by", "a\x7f", "\u202eevil"])
@pytest.mark.parametrize("name", ["domain", "organisation"])
def test_a_product_filter_with_a_control_character_is_refused_naming_it(api: Client, name: str, value: str) -> None:
    body = _problem(api.get("/api/v1/products", {name: value}), 400)
    assert _names(body) == [name]


def test_every_query_and_path_parameter_is_checked(api: Client) -> None:
    search = api.post("/api/v1/residents/search", {"name": "Jan\x00"}, content_type="application/json")
    assert _names(_problem(search, 400)) == ["name"]
    assert _names(_problem(api.get("/api/v1/products/huur%00toeslag"), 400)) == ["code"]
    assert _names(_problem(api.get("/api/v1/products", {"x\x00": "1"}), 400)) == ["x\\x00"]
    too_long = _problem(api.get("/api/v1/products", {"domain": "g" * (PARAMETER_MAX_LENGTH + 1)}), 400)
    assert _names(too_long) == ["domain"] and str(PARAMETER_MAX_LENGTH) in str(too_long["detail"])
    assert api.get("/api/v1/products", {"domain": "geld"}).status_code == 200


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('{"text": "schulden", "language": "n\\u0000l"}', "language"),
        ('{"text": "schulden\\u0001"}', "text"),
        ('{"text": "schulden\\ud800"}', "text"),
        ('{"text": "schulden", "x\\u0000": 1}', "x\\x00"),
    ],
)
def test_a_body_string_with_a_control_character_is_refused_naming_the_field(api: Client, body: str, name: str) -> None:
    problem = _problem(api.post("/api/v1/triage", body, content_type="application/json"), 400)
    assert _names(problem) == [name]
    assert CONTROL_MESSAGE in str(problem["detail"])


def test_a_nested_body_string_is_named_by_its_path(api: Client) -> None:
    body = '{"reference_date": "2026-11-01", "question": {"text": "a\\u0000", "asked_products": ["x\\u0001"]}}'
    problem = _problem(api.post("/api/v1/suggestions", body, content_type="application/json"), 400)
    assert _names(problem) == ["question.asked_products[0]", "question.text"]


@pytest.mark.parametrize(
    "body",
    [b"{bad", b'{"text": "\xff"}', b"[" * 100_000 + b"]" * 100_000, b'{"a": NaN}', b'{"n": 1' + b"0" * 5000 + b"}"],
    ids=["malformed", "not-utf8", "deep", "nan", "huge-int"],
)
def test_a_broken_body_is_a_400(api: Client, body: bytes) -> None:
    _problem(api.post("/api/v1/suggestions", body, content_type="application/json"), 400)


def test_a_too_deep_body_is_refused_naming_where(api: Client) -> None:
    body = '{"a": ' * (BODY_MAX_DEPTH + 2) + "1" + "}" * (BODY_MAX_DEPTH + 2)
    assert "Te diep genest" in str(_problem(api.post("/api/v1/triage", body, content_type="application/json"), 400))


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_too_big_body_is_a_problem(api: Client) -> None:
    _problem(api.post("/api/v1/triage", {"text": "a" * 2000}, content_type="application/json"), 400)


def test_wrong_content_type_unknown_paths_malformed_uuids_and_methods_are_problems(api: Client) -> None:
    _problem(api.post("/api/v1/triage", {"text": "schulden"}), 415)  # a form, not JSON
    _problem(api.post("/api/v1/triage", "text", content_type="text/plain"), 415)
    _problem(api.get("/api/v1/bestaat-niet"), 404)
    _problem(api.get("/api/"), 404)
    _problem(api.get("/api/v1/cases/geen-uuid"), 404)
    _problem(api.get("/api/v1/cases/00000000-0000-0000-0000-000000000000"), 404)
    _problem(api.post("/api/v1/handovers/geen-uuid/accept", {}, content_type="application/json"), 404)
    not_allowed = api.delete("/api/v1/products")
    _problem(not_allowed, 405)
    assert "GET" in not_allowed["Allow"]
    _problem(Client().get("/api/v1/products"), 403)


def test_a_server_error_is_a_problem_too(api: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: object) -> None:
        raise RuntimeError("stuk")

    monkeypatch.setattr("servicepunt.catalogue.selectors.product_list", broken)
    body = _problem(api.get("/api/v1/products"), 500)
    assert "stuk" not in str(body)


def test_pages_outside_the_api_keep_their_html(api: Client) -> None:
    response = api.get("/bestaat-niet/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
