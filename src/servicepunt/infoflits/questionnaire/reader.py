from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from servicepunt.infoflits.questionnaire.model import QUESTION_TYPES, Option, Question, Questionnaire, Step

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "questionnaire.yaml"


class QuestionnaireError(ValueError):
    pass


def _question(raw: dict[str, Any], where: str) -> Question:
    if raw.get("type") not in QUESTION_TYPES:
        raise QuestionnaireError(f"{where}.type: '{raw.get('type')}' is not one of {', '.join(QUESTION_TYPES)}")
    if not raw.get("field") or "nl" not in (raw.get("text") or {}):
        raise QuestionnaireError(f"{where}: field and text.nl are required")
    options = tuple(
        Option(value=str(o["value"]), label={k: v for k, v in o.items() if k != "value"})
        for o in raw.get("options") or []
    )
    if raw["type"] in ("choice", "multi") and not options and not raw.get("options_from"):
        raise QuestionnaireError(f"{where}.options: a {raw['type']} question needs options")
    return Question(
        field=raw["field"],
        type=raw["type"],
        text=raw["text"],
        options=options,
        options_from=raw.get("options_from"),
        show_if=raw.get("show_if"),
        minimum=raw.get("min"),
        maximum=raw.get("max"),
    )


def load_questionnaire(path: Path = DEFAULT_PATH) -> Questionnaire:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = []
    for index, raw in enumerate(data["steps"]):
        where = f"{path.name}: steps[{index}]"
        questions = tuple(_question(q, f"{where}.questions[{n}]") for n, q in enumerate(raw.get("questions") or []))
        steps.append(
            Step(
                code=raw["step"],
                domain=raw.get("domain"),
                title=raw.get("title") or {},
                opening=raw["opening"],
                questions=questions,
            )
        )
    return Questionnaire(version=str(data["version"]), steps=tuple(steps))
