"""Which questions show, and how submitted answers change a Situation.

An answer of "unknown" (weet niet / wil niet zeggen) removes the field: unknown stays absent."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from typing import Any

from servicepunt.infoflits.questionnaire.model import Question, Step

UNKNOWN = ""
MAX_CHILDREN = 15


class AnswerError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# Reads a typed amount for a field ("1.800", "€ 1800,50") as the Situation's number of euros, or
# raises AnswerError. Passed in, not built in: amounts are read by the project's one rule for money
# (core.validation.amount_parsed, with Django's translations), which this pure package cannot import.
AmountReader = Callable[[str, str], float]


def get_path(situation: Mapping[str, Any], path: str) -> Any:
    node: Any = situation
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _set_path(situation: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = situation
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    if value is None:
        node.pop(parts[-1], None)
        if not node and len(parts) > 1:
            parent = get_path(situation, ".".join(parts[:-2])) if len(parts) > 2 else situation
            parent.pop(parts[-2], None)
    else:
        node[parts[-1]] = value


def condition_holds(condition: Mapping[str, Any] | None, situation: Mapping[str, Any]) -> bool:
    if not condition:
        return True
    if "all" in condition:
        return all(condition_holds(c, situation) for c in condition["all"])
    if "any" in condition:
        return any(condition_holds(c, situation) for c in condition["any"])
    value = get_path(situation, condition["field"])
    if "is" in condition:
        return bool(value == condition["is"])
    if "in" in condition:
        return value in condition["in"]
    if "contains" in condition:
        return isinstance(value, list) and condition["contains"] in value
    if "lt" in condition:
        return isinstance(value, int) and value < condition["lt"]
    if "gte" in condition:
        return isinstance(value, int) and value >= condition["gte"]
    if "count_gte" in condition:
        return isinstance(value, list) and len(value) >= condition["count_gte"]
    raise ValueError(f"unknown show_if condition: {dict(condition)}")


def visible_questions(step: Step, situation: Mapping[str, Any]) -> list[Question]:
    return [q for q in step.questions if condition_holds(q.show_if, situation)]


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _integer(question: Question, raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError as error:
        raise AnswerError(question.field, "vul een heel getal in") from error
    low = question.minimum if question.minimum is not None else 0
    if value < low or (question.maximum is not None and value > question.maximum):
        top = f" en {question.maximum}" if question.maximum is not None else ""
        raise AnswerError(question.field, f"vul een getal in tussen {low}{top}")
    return value


def _children(raw: str) -> list[dict[str, Any]]:
    """Children as ages separated by commas, e.g. "3, 7, 15"; "0" or "geen" means none."""
    text = raw.strip().lower()
    if text in ("geen", "none", "nee", "0"):
        return []
    ages = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part.isdigit() or int(part) > 30:
            raise AnswerError("children", "vul de leeftijden in, met komma's ertussen, bijvoorbeeld 3, 7")
        ages.append(int(part))
    if len(ages) > MAX_CHILDREN:
        raise AnswerError("children", f"hoogstens {MAX_CHILDREN} kinderen")
    return [{"age": age, "lives_at_home": True} for age in ages]


def parse_answer(question: Question, values: list[str], *, amount: AmountReader) -> Any:
    """The Situation value for the submitted form values; None means unknown."""
    raw = values[-1] if values else UNKNOWN
    if any(_CONTROL.search(value) for value in values):  # e.g. NUL, which PostgreSQL cannot store
        raise AnswerError(question.field, "gebruik alleen gewone tekens")
    if question.type == "multi":
        chosen = [v for v in values if v != UNKNOWN]
        allowed = {o.value for o in question.options}
        if question.options and any(v not in allowed for v in chosen):
            raise AnswerError(question.field, "kies uit de lijst")
        return chosen or None
    if raw == UNKNOWN:
        return None
    if question.type == "yesno":
        if raw not in ("true", "false"):
            raise AnswerError(question.field, "kies ja, nee of weet niet")
        return raw == "true"
    if question.type == "choice":
        if raw not in {o.value for o in question.options}:
            raise AnswerError(question.field, "kies uit de lijst")
        return raw
    if question.type == "integer":
        return _integer(question, raw)
    if question.type == "amount":
        return amount(question.field, raw)
    if question.type == "children":
        return _children(raw)
    return raw.strip() or None


def apply_answers(
    situation: Mapping[str, Any], step: Step, form: Mapping[str, list[str]], *, amount: AmountReader
) -> dict[str, Any]:
    """A new Situation with the answers of one step. Hidden questions keep their earlier value."""
    result = copy.deepcopy(dict(situation))
    for question in step.questions:
        if question.key not in form and question.type != "multi":
            continue
        if question.type == "multi" and f"{question.key}__present" not in form:
            continue
        value = parse_answer(question, form.get(question.key, []), amount=amount)
        _set_path(result, question.field, value)
    return result
