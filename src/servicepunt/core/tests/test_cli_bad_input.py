"""Bad input on the command line: exit status 2 with a message naming the field, never a
traceback. Found by fuzzing `servicepunt` with empty stdin, broken JSON, NUL and control
characters, huge and deeply nested lines, bytes that are not UTF-8, bad flags and unknown codes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from servicepunt.cli import main

pytestmark = pytest.mark.django_db
NOT_UTF8 = b'{"reference_date": "2026-11-01", "question": {"text": "\xff\xfe"}}'
DEEP = "[" * 100_000 + "]" * 100_000


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """stdin as a UTF-8 locale gives it: strict decoding, so a bad byte raises unless handled."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict"))


def _refused(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        call_command(*args)
    assert caught.value.returncode == 2
    return str(caught.value)


def _jsonl(monkeypatch: pytest.MonkeyPatch, command: str, data: bytes) -> list[dict[str, object]]:
    _stdin(monkeypatch, data)
    out = io.StringIO()
    call_command(command, "--jsonl", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_a_situation_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "situation.json"
    file.write_bytes(NOT_UTF8)
    assert _refused("suggest", str(file)).startswith("file: ") and "UTF-8" in _refused("suggest", str(file))


def test_a_missing_catalogue_folder_is_refused(tmp_path: Path) -> None:
    assert "data-dir" in _refused("catalogue", "load", "--data-dir", str(tmp_path / "nergens"))


def test_a_demo_agenda_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "agendas.yaml"
    file.write_bytes(b"agendas: [\xff]")
    assert _refused("demo", "--agendas", str(file)).startswith("file: ")


@pytest.mark.parametrize("data", [b"", NOT_UTF8, DEEP.encode(), b'{"person": {"age": 1' + b"0" * 5000 + b"}}", b"{bad"])
def test_a_broken_situation_on_stdin_is_refused(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    _stdin(monkeypatch, data)
    assert _refused("suggest", "-").startswith("file: ")


@pytest.mark.parametrize("content", [DEEP, '{"person": {"age": 1' + "0" * 5000 + "}}"])
def test_a_deep_or_huge_situation_file_is_refused(tmp_path: Path, content: str) -> None:
    file = tmp_path / "situation.json"
    file.write_text(content)
    assert _refused("suggest", str(file)).startswith("file: ")


def test_each_bad_suggest_line_is_answered_with_an_error_and_the_others_still_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = json.dumps({"id": "ok", "situation": {"reference_date": "2026-11-01"}}).encode()
    lines = [
        b'{"id": "\xff", "situation": {}}',
        ('{"id": 2, "situation": ' + DEEP + "}").encode(),
        b'{"id": "\\ud800", "situation": {"x": 1}}',
        b'{"id": 4, "situation": {"question": {"text": "x", "asked_products": ["bestaat-niet"]}}}',
        good,
    ]
    answers = _jsonl(monkeypatch, "suggest", b"\n".join(lines) + b"\n")
    assert [("error" in answer) for answer in answers] == [True, True, True, True, False]
    assert "UTF-8" in str(answers[0]["error"]) and answers[2]["id"] == "\ud800"
    assert "question.asked_products" in str(answers[3]["error"])


def test_each_bad_triage_line_is_answered_with_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        b'{"id": 1, "text": "schulden \xff"}',
        b'{"id": 2, "text": "huur\\u0001"}',
        b'{"id": 3, "text": "a\\ud800"}',
    ]
    answers = _jsonl(monkeypatch, "triage", b"\n".join(lines) + b"\n")
    assert [str(answer["error"]).split(":")[0] for answer in answers] == ["regel 1", "text", "text"]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--lang", "n\x01l", "schulden"], "language"),
        (["--lang", "x" * 50, "schulden"], "language"),
        (["--lang", "nl\n", "schulden"], "language"),
        (["huur\x01"], "text"),
        (["schulden \udcff"], "text"),
    ],
)
def test_bad_triage_arguments_are_refused_naming_the_field(args: list[str], field: str) -> None:
    assert _refused("triage", *args).startswith(f"{field}: ")


def test_an_unknown_product_code_is_refused_naming_the_field(tmp_path: Path) -> None:
    file = tmp_path / "situation.json"
    file.write_text(json.dumps({"benefits_received": ["huurtoslag"]}))
    assert _refused("suggest", str(file)) == "benefits_received: Onbekend product: huurtoslag"


@pytest.mark.parametrize(
    "argv", [["triage", "--bogus", "x"], ["triage", "--limit", "veel", "x"], ["suggest", "--jsonl", "--lang", "nl"]]
)
def test_bad_flags_exit_2_with_a_usage_message(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["servicepunt", *argv])
    assert caught.value.code == 2
    assert "error:" in capsys.readouterr().err
