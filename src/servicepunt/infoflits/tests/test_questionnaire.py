"""The questionnaire covers the Situation, shows follow-ups only when relevant, and turns
answers into schema-valid situations ("weet niet" leaves a field unknown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from servicepunt.infoflits.amounts import amount_answer
from servicepunt.infoflits.questionnaire import AnswerError, apply_answers, load_questionnaire, visible_questions

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "data" / "situation.schema.json").read_text())
NOT_ASKED = {"reference_date", "question.text", "question.asked_products"}
CHILD_FIELDS_VIA_CHILDREN_QUESTION = {"children"}


def _schema_fields() -> set[str]:
    fields = set()
    for name, spec in SCHEMA["properties"].items():
        if spec.get("type") == "object":
            fields |= {f"{name}.{child}" for child in spec["properties"]}
        else:
            fields.add(name)
    return fields


def test_every_situation_field_is_asked_somewhere() -> None:
    asked = set(load_questionnaire().fields)
    assert _schema_fields() - NOT_ASKED - asked == set()


def test_every_life_domain_has_a_step_with_an_opening_question() -> None:
    import yaml

    domains = {
        d["code"]
        for d in yaml.safe_load(
            (Path(__file__).resolve().parents[2] / "catalogue" / "data" / "domains.yaml").read_text()
        )["domains"]
    }
    steps = load_questionnaire().steps
    assert {s.domain for s in steps if s.domain} == domains
    assert all(s.opening.get("nl") and s.opening.get("en") for s in steps)


def test_follow_ups_show_only_when_relevant() -> None:
    geld = load_questionnaire().step("geld")
    hidden = {q.field for q in visible_questions(geld, {})}
    assert "debts.arrears" not in hidden
    shown = {q.field for q in visible_questions(geld, {"debts": {"has_debts": True}})}
    assert "debts.arrears" in shown


def test_answers_fill_the_situation_and_unknown_removes_a_field() -> None:
    wonen = load_questionnaire().step("wonen")
    situation = apply_answers(
        {},
        wonen,
        {"housing__situation": ["rent_social"], "housing__monthly_rent": ["690,50"], "housing__rent_arrears": ["true"]},
        amount=amount_answer,
    )
    assert situation["housing"] == {"situation": "rent_social", "monthly_rent": 690.5, "rent_arrears": True}
    again = apply_answers(situation, wonen, {"housing__rent_arrears": [""]}, amount=amount_answer)
    assert "rent_arrears" not in again["housing"]


def test_children_are_entered_as_ages() -> None:
    step = load_questionnaire().step("huishouden")
    situation = apply_answers({}, step, {"children": ["6, 12"]}, amount=amount_answer)
    assert [c["age"] for c in situation["children"]] == [6, 12]
    assert apply_answers({}, step, {"children": ["0"]}, amount=amount_answer)["children"] == []


@pytest.mark.parametrize(("field", "value"), [("person__age", "abc"), ("person__age", "200"), ("children", "twee")])
def test_bad_answers_name_the_field(field: str, value: str) -> None:
    with pytest.raises(AnswerError) as caught:
        apply_answers({}, load_questionnaire().step("huishouden"), {field: [value]}, amount=amount_answer)
    assert caught.value.field == field.replace("__", ".")
