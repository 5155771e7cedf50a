"""Shaping infoflits data for the pages: questions with their current answers in the UI
language, the self-sufficiency chart, and suggestions joined with decisions and product names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import QueryDict

from servicepunt.catalogue.loading.parse import read_self_sufficiency_levels
from servicepunt.catalogue.selectors import content_language, domain_list, product_options, products_by_code
from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.models import Infoflits
from servicepunt.infoflits.questionnaire import Question, visible_questions
from servicepunt.infoflits.questionnaire.answers import get_path
from servicepunt.infoflits.selectors import current_decisions, current_version, questionnaire, suggestions_for

if TYPE_CHECKING:
    from servicepunt.catalogue.models import LifeDomain

LEVELS = tuple(score for score, _name in read_self_sufficiency_levels())
CHART_BAR_WIDTH = 300
CHART_ROW_HEIGHT = 28


@dataclass
class QuestionView:
    question: Question
    text: str
    value: Any
    options: list[tuple[str, str]]
    error: str | None = None

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def children_text(self) -> str:
        if not isinstance(self.value, list):
            return ""
        return ", ".join(str(child.get("age", "?")) for child in self.value) or "0"


@dataclass
class StepView:
    code: str
    title: str
    opening: str
    domain: str | None
    questions: list[QuestionView]
    level: int | None
    answered: int
    is_open: bool
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _text(texts: dict[str, str]) -> str:
    return texts.get(content_language()) or texts.get("nl", "")


def _options(question: Question) -> list[tuple[str, str]]:
    if question.options_from == "products":
        return product_options()
    return [(option.value, _text(option.label)) for option in question.options]


def next_step_code(code: str) -> str | None:
    codes = [step.code for step in questionnaire().steps]
    index = codes.index(code) if code in codes else -1
    return codes[index + 1] if 0 <= index < len(codes) - 1 else None


def flow_context(
    infoflits: Infoflits,
    *,
    open_step: str | None = None,
    error: InvalidInput | None = None,
    posted: QueryDict | None = None,
) -> dict[str, Any]:
    version = current_version(infoflits)
    situation = version.situation
    domain_names = {d.code: d for d in domain_list()}
    steps = []
    for step in questionnaire().steps:
        shown = visible_questions(step, situation)
        views = [
            QuestionView(
                question=q,
                text=_text(q.text),
                value=get_path(situation, q.field),
                options=_options(q) if q.type in ("choice", "multi") else [],
            )
            for q in shown
        ]
        step_error = None
        if error is not None and open_step == step.code:
            step_error = error.message
            for view in views:
                if view.question.field == error.field:
                    view.error = error.message
                    if posted is not None:
                        view.value = posted.get(view.key)
        domain = domain_names.get(step.domain or "")
        title = (domain.name_en if content_language() == "en" and domain else domain.name if domain else "") or _text(
            step.title
        )
        steps.append(
            StepView(
                code=step.code,
                title=title,
                opening=_text(step.opening),
                domain=step.domain,
                questions=views,
                level=version.self_sufficiency.get(step.domain or ""),
                answered=sum(v.value is not None for v in views),
                is_open=open_step == step.code,
                error=step_error,
            )
        )
    if open_step is None and steps:
        steps[0].is_open = True
    return {
        "infoflits": infoflits,
        "version": version,
        "steps": steps,
        "levels": [(score, _text(name)) for score, name in read_self_sufficiency_levels()],
        "chart": chart(version.self_sufficiency, domain_names),
        "total_steps": len(steps),
        "answered_steps": sum(1 for s in steps if s.answered or s.level),
        **suggestions_context(infoflits, version=version),
    }


def chart(levels: dict[str, int], domains: dict[str, LifeDomain]) -> list[dict[str, Any]]:
    """Rows for a server-rendered SVG bar chart of the self-sufficiency per domain (1–5)."""
    rows = []
    for index, domain in enumerate(domains.values()):
        level = levels.get(domain.code)
        rows.append(
            {
                "name": domain.name_en if content_language() == "en" else domain.name,
                "level": level,
                "y": index * CHART_ROW_HEIGHT,
                "width": int(CHART_BAR_WIDTH * level / len(LEVELS)) if level else 0,
            }
        )
    return rows


def suggestions_context(infoflits: Infoflits, *, version: Any = None) -> dict[str, Any]:
    version = version or current_version(infoflits)
    result = suggestions_for(version.situation)
    decisions = current_decisions(infoflits)
    codes = [s.product for s in result.suggestions] + [n.product for n in result.not_suggested]
    products = products_by_code(codes)
    english = content_language() == "en"
    rows = [
        {
            "suggestion": s,
            "product": products.get(s.product),
            "decision": decisions.get(s.product),
            "reason": (s.reason_en if english and s.reason_en else s.reason),
        }
        for s in result.suggestions
    ]
    not_suggested = [{"item": n, "product": products.get(n.product)} for n in result.not_suggested]
    latest_decision = max((d.pk for d in decisions.values()), default=0)
    return {
        "infoflits": infoflits,
        # Which answers and decisions this panel shows: the page keeps the newest (infoflits.js).
        "suggestions_state": f"{version.pk}.{latest_decision}",
        "suggestion_rows": rows,
        "not_suggested": not_suggested,
        "decision_choices": Decision.choices,
        "chart_height": CHART_ROW_HEIGHT * len(domain_list()),
    }
