"""The three fronts of triage (page, API, CLI) over the same engine, including bad input."""

from __future__ import annotations

import json
import os
import subprocess
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
from servicepunt.triage.selectors import triage_index, triage_search

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_at_counter(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.SERVICEPUNT))
    return client


def test_the_page_shows_ranked_products_for_the_residents_words(client_at_counter: Client) -> None:
    response = client_at_counter.post("/triage/", {"text": "ik kan de huur niet betalen"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "/catalogus/producten/" in html


def test_the_htmx_request_gets_only_the_results_fragment(client_at_counter: Client) -> None:
    response = client_at_counter.post("/triage/", {"text": "schulden deurwaarder"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "schuldhulpverlening" in html


def test_an_empty_text_on_the_page_names_the_field(client_at_counter: Client) -> None:
    response = client_at_counter.post("/triage/", {"text": "   "})
    assert "Typ wat de inwoner vertelt" in response.content.decode()


def test_the_api_answers_with_products_scores_and_reasons(client_at_counter: Client) -> None:
    response = client_at_counter.post(
        "/api/v1/triage", {"text": "brief van de deurwaarder"}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 200
    assert body["results"][0]["why"]
    assert "schuldhulpverlening" in [r["product"] for r in body["results"][:5]]


def test_the_api_refuses_bad_input_as_problem_json_naming_the_field(client_at_counter: Client) -> None:
    response = client_at_counter.post("/api/v1/triage", {"text": "", "limit": 0}, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalid_params"]}
    assert names == {"text", "limit"}


def test_urgent_words_put_the_urgent_product_first() -> None:
    answer = triage_search("ik heb vannacht geen slaapplek")
    assert answer.results[0].product == "maatschappelijke-opvang"


def test_the_index_is_rebuilt_when_the_catalogue_changes() -> None:
    from servicepunt.catalogue.testing import product_rows, search_term_rows

    before = triage_index()
    assert triage_index() is before
    search_term_rows().create(product=product_rows().get(code="digid"), language="nl", phrase="xylofoonwachtwoord")
    assert triage_index() is not before
    assert triage_search("xylofoonwachtwoord").results[0].product == "digid"


def test_cli_single_text_prints_one_json_object() -> None:
    out = StringIO()
    call_command("triage", "geld voor de huur", "--limit", "3", stdout=out)
    answer = json.loads(out.getvalue())
    assert answer["language"] == "nl"
    assert 1 <= len(answer["results"]) <= 3


def test_cli_empty_text_exits_with_status_2() -> None:
    with pytest.raises(CommandError) as caught:
        call_command("triage", "  ")
    assert caught.value.returncode == 2
    assert "text" in str(caught.value)


def test_cli_jsonl_answers_every_line_in_order_and_reports_bad_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['{"id": "a", "text": "schulden"}', "not json", '{"id": "c", "text": ""}', '{"id": "d", "text": "DigiD"}']
    monkeypatch.setattr(sys, "stdin", StringIO("\n".join(lines) + "\n"))
    out = StringIO()
    call_command("triage", "--jsonl", stdout=out)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a.get("id") for a in answers] == ["a", None, "c", "d"]
    assert "results" in answers[0] and "error" in answers[1] and "error" in answers[2]
    assert answers[2]["error"].startswith("text:")


def test_the_console_command_runs_without_a_loaded_database(tmp_path: object) -> None:
    """A fresh checkout: no database yet, the bundled catalogue files still answer."""
    env = {"SERVICEPUNT_VAR_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    done = subprocess.run(
        [sys.executable, "-m", "servicepunt", "triage", "mijn uitkering is gestopt"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"]


def test_only_the_newest_built_indexes_stay_on_disk(tmp_path: Path) -> None:
    from servicepunt.triage.selectors import CACHE_FILES_KEPT, _prune

    for age in range(CACHE_FILES_KEPT + 3):
        old = tmp_path / f"triage-{age}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 - age, 1_000_000 - age))  # triage-0 is the newest
    (tmp_path / "other.txt").write_text("not ours")
    _prune(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("triage-*.pickle")) == [
        f"triage-{age}.pickle" for age in range(CACHE_FILES_KEPT)
    ]
    assert (tmp_path / "other.txt").exists()
