"""The infoflits pages, API and CLI: versions kept, decisions kept, bad input named, access."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.models import Infoflits, SuggestionDecision
from servicepunt.infoflits.services import suggestion_decide

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db

SINGLE_PARENT = {
    "reference_date": "2026-11-01",
    "question": {"text": "schulden", "asked_products": ["schuldhulpverlening"]},
    "person": {"age": 31, "has_partner": False},
    "children": [{"age": 4, "lives_at_home": True}],
    "housing": {"situation": "rent_social", "monthly_rent": 700, "rent_arrears": True},
    "income": {"sources": ["employment"], "net_monthly_household": 1500, "savings": 0},
    "debts": {"has_debts": True, "arrears": ["rent"]},
    "benefits_received": [],
}


@pytest.fixture
def counter(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.SERVICEPUNT))
    return client


def _start(client: Client) -> Infoflits:
    response = client.post(
        "/infoflits/", {"question_text": "ik heb schulden", "asked_products": ["schuldhulpverlening"]}
    )
    assert response.status_code == 302
    return Infoflits.objects.latest("started_at")


def test_each_saved_step_is_a_new_version_and_earlier_versions_are_kept(counter: Client) -> None:
    infoflits = _start(counter)
    url = f"/infoflits/{infoflits.uuid}/stap/wonen/"
    counter.post(url, {"housing__situation": "rent_social", "housing__rent_arrears": "true"}, HTTP_HX_REQUEST="true")
    counter.post(url, {"housing__situation": "rent_social", "housing__rent_arrears": "true"}, HTTP_HX_REQUEST="true")
    counter.post(url, {"housing__situation": "rent_private", "self_sufficiency": "2"})
    numbers = list(infoflits.versions.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3]
    first, *_rest, last = infoflits.versions.order_by("number")
    assert "housing" not in first.situation
    assert last.situation["housing"]["situation"] == "rent_private"
    assert last.self_sufficiency == {"wonen": 2}


def test_a_bad_answer_is_refused_with_the_field_named_and_nothing_saved(counter: Client) -> None:
    infoflits = _start(counter)
    response = counter.post(
        f"/infoflits/{infoflits.uuid}/stap/huishouden/", {"person__age": "-3"}, HTTP_HX_REQUEST="true"
    )
    assert "vul een getal in tussen 0 en 120" in response.content.decode()
    assert infoflits.versions.count() == 1
    assert 'id="suggestions"' not in response.content.decode()


def test_suggestions_show_with_reasons_and_decisions_are_kept(counter: Client) -> None:
    infoflits = _start(counter)
    base = f"/infoflits/{infoflits.uuid}"
    counter.post(f"{base}/stap/huishouden/", {"person__age": "31", "person__has_partner": "false", "children": "4"})
    counter.post(
        f"{base}/stap/wonen/",
        {"housing__situation": "rent_social", "housing__monthly_rent": "700", "housing__rent_arrears": "true"},
    )
    counter.post(
        f"{base}/stap/geld/",
        {
            "income__net_monthly_household": "1500",
            "income__savings": "0",
            "income__sources": "employment",
            "income__sources__present": "1",
        },
    )
    page = counter.get(f"{base}/").content.decode()
    assert "/catalogus/producten/huurtoeslag/" in page
    counter.post(f"{base}/besluit/", {"product": "huurtoeslag", "decision": "accepted", "rule": "income.huurtoeslag"})
    counter.post(f"{base}/besluit/", {"product": "huurtoeslag", "decision": "offered", "rule": "income.huurtoeslag"})
    history = list(
        SuggestionDecision.objects.filter(infoflits=infoflits)
        .order_by("decided_at", "id")
        .values_list("decision", flat=True)
    )
    assert history == ["accepted", "offered"]
    page = counter.get(f"{base}/").content.decode()
    huurtoeslag = page[page.index("producten/huurtoeslag/") :]
    offered = huurtoeslag[huurtoeslag.index('name="decision" value="offered"') :]
    assert offered.index('aria-pressed="true"') < offered.index("</form>")


def test_a_wijkbureau_employee_sees_only_their_own_infoflits(make_user: Callable[..., User], counter: Client) -> None:
    infoflits = _start(counter)
    wijk = Client()
    wijk.force_login(make_user(Role.WIJKBUREAU))
    assert wijk.get(f"/infoflits/{infoflits.uuid}/").status_code == 404
    assert str(infoflits.uuid) not in wijk.get("/infoflits/").content.decode()
    assert str(infoflits.uuid) in counter.get("/infoflits/").content.decode()
    partner = Client()
    partner.force_login(make_user(Role.PARTNER))
    assert partner.get("/infoflits/").status_code == 403


def test_the_api_answers_suggestions_and_refuses_a_broken_situation(counter: Client) -> None:
    ok = counter.post("/api/v1/suggestions", SINGLE_PARENT, content_type="application/json")
    assert ok.status_code == 200
    assert "huurtoeslag" in [s["product"] for s in ok.json()["suggestions"]]
    bad = counter.post("/api/v1/suggestions", {"person": {"age": -3}}, content_type="application/json")
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    assert "person.age" in bad.json()["detail"]


def test_the_cli_reads_a_file_and_refuses_schema_errors_with_exit_2(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(SINGLE_PARENT))
    out = StringIO()
    call_command("suggest", str(good), stdout=out)
    assert "huurtoeslag" in [s["product"] for s in json.loads(out.getvalue())["suggestions"]]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"housing": {"situation": "castle"}}))
    with pytest.raises(CommandError) as caught:
        call_command("suggest", str(bad))
    assert caught.value.returncode == 2
    assert "housing.situation" in str(caught.value)


def test_the_cli_jsonl_answers_each_line_and_marks_bad_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"id": "ok", "situation": SINGLE_PARENT}, {"id": "bad", "situation": {"person": {"age": "old"}}}]
    monkeypatch.setattr(sys, "stdin", StringIO("\n".join(json.dumps(r) for r in rows) + "\n"))
    out = StringIO()
    call_command("suggest", "--jsonl", stdout=out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["id"] == "ok" and first["suggestions"]
    assert second["id"] == "bad" and "person.age" in second["error"]


def test_the_flow_page_uses_a_constant_number_of_queries(counter: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    infoflits = _start(counter)
    base = f"/infoflits/{infoflits.uuid}"
    counter.get(f"{base}/")
    with CaptureQueriesContext(connection) as few:
        counter.get(f"{base}/")
    for product in ("huurtoeslag", "stadspas", "zorgtoeslag", "kinderbijslag"):
        counter.post(f"{base}/besluit/", {"product": product, "decision": "accepted"})
    counter.post(f"{base}/stap/huishouden/", {"person__age": "31", "children": "4, 6, 9"})
    with CaptureQueriesContext(connection) as more:
        counter.get(f"{base}/")
    assert len(more) == len(few), [q["sql"][:100] for q in more]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"product": "huurtoeslag", "decision": "accepted", "rule": "x" * 1_000_000}, "rule"),
        ({"product": "huurtoeslag", "decision": "accepted", "rule": "niet.een.regel"}, "rule"),
        ({"product": "huur\x00toeslag", "decision": "accepted"}, "product"),
        ({"product": "x" * 500, "decision": "accepted"}, "product"),
        ({"product": "huurtoeslag", "decision": "misschien"}, "decision"),
    ],
)
def test_a_decision_with_bad_values_is_refused_and_nothing_is_kept(
    counter: Client, values: dict[str, str], field: str
) -> None:
    infoflits = _start(counter)
    response = counter.post(f"/infoflits/{infoflits.uuid}/besluit/", values, follow=True)
    assert response.status_code == 200
    assert not SuggestionDecision.objects.filter(infoflits=infoflits).exists()
    with pytest.raises(InvalidInput) as refused:
        suggestion_decide(
            infoflits=infoflits,
            product_code=values["product"],
            decision=values["decision"],
            decided_by=infoflits.started_by,
            rule=values.get("rule", ""),
        )
    assert refused.value.field == field
