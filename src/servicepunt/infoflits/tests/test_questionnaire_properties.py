"""Whatever the employee clicks or types, a step either saves a schema-valid Situation or is
refused with the field named: never a broken situation, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicepunt.infoflits.amounts import amount_answer
from servicepunt.infoflits.engine import validate_situation
from servicepunt.infoflits.questionnaire import AnswerError, Question, apply_answers, load_questionnaire

QUESTIONNAIRE = load_questionnaire()
FREE_TEXT = st.text(alphabet="0123456789,.-€ abc", max_size=8)


def _values(question: Question) -> st.SearchStrategy[list[str]]:
    unknown = st.just([""])
    if question.type == "yesno":
        return st.sampled_from([["true"], ["false"], [""]])
    if question.type == "choice":
        return st.sampled_from([[o.value] for o in question.options] + [[""]])
    if question.type == "multi":
        options = [o.value for o in question.options] or ["huurtoeslag", "zorgtoeslag"]
        return st.lists(st.sampled_from(options), unique=True, max_size=3)
    return st.one_of(unknown, FREE_TEXT.map(lambda text: [text]))


@st.composite
def step_answers(draw: Any) -> tuple[str, dict[str, list[str]]]:
    step = draw(st.sampled_from(QUESTIONNAIRE.steps))
    form: dict[str, list[str]] = {}
    for question in step.questions:
        form[question.key] = draw(_values(question))
        if question.type == "multi":
            form[f"{question.key}__present"] = ["1"]
    return step.code, form


@settings(max_examples=300, deadline=None)
@given(st.lists(step_answers(), min_size=1, max_size=6))
def test_any_answers_give_a_valid_situation_or_a_named_refusal(steps: list[tuple[str, dict[str, list[str]]]]) -> None:
    situation: dict[str, Any] = {"reference_date": "2026-11-01"}
    fields = set(QUESTIONNAIRE.fields)
    for code, form in steps:
        try:
            situation = apply_answers(situation, QUESTIONNAIRE.step(code), form, amount=amount_answer)
        except AnswerError as error:
            assert error.field in fields
            continue
        validate_situation(situation)


def test_an_answer_with_a_control_character_is_refused_naming_the_field() -> None:
    from servicepunt.infoflits.questionnaire.answers import parse_answer

    question = Question(field="benefits_received", type="multi", text={"nl": "Uitkeringen"})
    with pytest.raises(AnswerError) as refused:
        parse_answer(question, ["\x00"], amount=lambda field, raw: None)  # type: ignore[arg-type,return-value]
    assert refused.value.field == "benefits_received"
