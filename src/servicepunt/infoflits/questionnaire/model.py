from __future__ import annotations

from dataclasses import dataclass
from typing import Any

QUESTION_TYPES = ("yesno", "choice", "multi", "integer", "amount", "text", "children")


@dataclass(frozen=True)
class Option:
    value: str
    label: dict[str, str]


@dataclass(frozen=True)
class Question:
    field: str  # dotted Situation path, e.g. "housing.rent_arrears"
    type: str
    text: dict[str, str]
    options: tuple[Option, ...] = ()
    options_from: str | None = None
    show_if: dict[str, Any] | None = None
    minimum: int | None = None
    maximum: int | None = None

    @property
    def key(self) -> str:
        """A form-safe name for the field."""
        return self.field.replace(".", "__")


@dataclass(frozen=True)
class Step:
    code: str
    domain: str | None
    title: dict[str, str]
    opening: dict[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Questionnaire:
    version: str
    steps: tuple[Step, ...]

    def step(self, code: str) -> Step:
        for step in self.steps:
            if step.code == code:
                return step
        raise KeyError(code)

    @property
    def fields(self) -> list[str]:
        return [q.field for step in self.steps for q in step.questions]
