"""The infoflits facts a handover carries: only the answers of the life domains the product
belongs to, so the partner gets what it needs and nothing more (data minimisation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servicepunt.infoflits.questionnaire.answers import get_path
from servicepunt.infoflits.selectors import current_version, questionnaire

if TYPE_CHECKING:
    from servicepunt.cases.models import Question


def relevant_facts(question: Question) -> dict[str, Any]:
    infoflits = question.case.infoflits
    if infoflits is None or question.product is None:
        return {}
    domains = set(question.product.domains.values_list("code", flat=True))
    situation = current_version(infoflits).situation
    facts: dict[str, Any] = {}
    for step in questionnaire().steps:
        if step.domain not in domains:
            continue
        for item in step.questions:
            value = get_path(situation, item.field)
            if value is not None:
                facts[item.field] = value
    return facts


def facts_labelled(facts: dict[str, Any], language: str) -> list[tuple[str, Any]]:
    """The facts with the questionnaire's own question as label, in the reader's language."""
    labels = {
        item.field: item.text.get(language) or item.text.get("nl") or item.field
        for step in questionnaire().steps
        for item in step.questions
    }
    return [(labels.get(field, field), value) for field, value in facts.items()]
