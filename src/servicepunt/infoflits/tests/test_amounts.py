"""Amounts read the Dutch way on every front: "1.800" is €1800 in the step form, the API and the
CLI; "inf", "nan", "1e400" and "abc" are refused with the field named, in the same words, and
nothing is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.infoflits.models import Infoflits
from servicepunt.infoflits.selectors import current_version, suggestions_for

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db

AMOUNT_MESSAGE = "Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."
HOUSEHOLD = {"person__age": "40", "person__has_partner": "false", "children": "0"}
WRONG_AMOUNTS = ["inf", "nan", "1e400", "abc", "-Infinity", "1.8"]


@pytest.fixture
def counter(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.SERVICEPUNT))
    return client


@pytest.fixture
def infoflits(counter: Client) -> Infoflits:
    assert counter.post("/infoflits/", {"question_text": "geld"}).status_code == 302
    infoflits = Infoflits.objects.latest("started_at")
    counter.post(f"/infoflits/{infoflits.uuid}/stap/huishouden/", HOUSEHOLD)
    return infoflits


def _save_income(counter: Client, infoflits: Infoflits, income: str) -> str:
    response = counter.post(
        f"/infoflits/{infoflits.uuid}/stap/geld/",
        {"income__net_monthly_household": income, "income__savings": "0"},
        HTTP_HX_REQUEST="true",
    )
    return response.content.decode()


@pytest.mark.parametrize(("typed", "stored"), [("1.800", "1800.00"), ("1,80", "1.80"), ("€ 1.800,50", "1800.50")])
def test_a_typed_amount_is_stored_as_meant(counter: Client, infoflits: Infoflits, typed: str, stored: str) -> None:
    _save_income(counter, infoflits, typed)
    income = current_version(infoflits).situation["income"]["net_monthly_household"]
    assert Decimal(str(income)).quantize(Decimal("0.01")) == Decimal(stored)


def test_an_income_of_1800_no_longer_suggests_bijstand(counter: Client, infoflits: Infoflits) -> None:
    _save_income(counter, infoflits, "1.800")
    products = {s.product for s in suggestions_for(current_version(infoflits).situation).suggestions}
    assert "bijstand" not in products
    _save_income(counter, infoflits, "1,80")
    products = {s.product for s in suggestions_for(current_version(infoflits).situation).suggestions}
    assert "bijstand" in products


@pytest.mark.parametrize("typed", WRONG_AMOUNTS)
def test_a_wrong_amount_is_refused_at_the_field_and_nothing_is_stored(
    counter: Client, infoflits: Infoflits, typed: str
) -> None:
    versions = infoflits.versions.count()
    page = _save_income(counter, infoflits, typed)
    assert AMOUNT_MESSAGE.replace("'", "&#x27;") in page
    assert infoflits.versions.count() == versions


def test_an_implausible_amount_is_refused_with_the_top_named(counter: Client, infoflits: Infoflits) -> None:
    versions = infoflits.versions.count()
    assert "hoogstens 50.000 euro" in _save_income(counter, infoflits, "1.800.000")
    assert infoflits.versions.count() == versions


@pytest.mark.parametrize("amount", [*WRONG_AMOUNTS, True, -5, [1800]])
def test_the_api_refuses_a_wrong_amount_naming_the_field(counter: Client, amount: object) -> None:
    body = json.dumps({"reference_date": "2026-11-01", "income": {"net_monthly_household": amount}})
    response = counter.post("/api/v1/suggestions", body, content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    (param,) = response.json()["invalid_params"]
    assert param["name"] == "income.net_monthly_household"


def test_the_api_and_the_cli_take_dutch_notation_in_the_same_words(counter: Client, tmp_path: Path) -> None:
    situation = {"reference_date": "2026-11-01", "person": {"age": 40, "has_partner": False}, "children": []}
    ok = {**situation, "income": {"net_monthly_household": "1.800", "savings": 0}}
    low = {**situation, "income": {"net_monthly_household": 1.8, "savings": 0}}

    def products(body: dict[str, object]) -> set[str]:
        answer = counter.post("/api/v1/suggestions", body, content_type="application/json").json()
        return {s["product"] for s in answer["suggestions"]}

    assert "bijstand" not in products(ok) and "bijstand" in products(low)
    refused = counter.post(
        "/api/v1/suggestions", {**situation, "income": {"savings": "nan"}}, content_type="application/json"
    )
    assert refused.json()["invalid_params"] == [{"name": "income.savings", "reason": AMOUNT_MESSAGE}]
    file = tmp_path / "situation.json"
    file.write_text(json.dumps({**situation, "income": {"savings": "nan"}}))
    with pytest.raises(CommandError) as caught:
        call_command("suggest", str(file))
    assert caught.value.returncode == 2 and str(caught.value) == f"income.savings: {AMOUNT_MESSAGE}"
