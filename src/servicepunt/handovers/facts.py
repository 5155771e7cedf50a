"""The infoflits facts a handover carries: only the answers of the life domains the resident
agreed to share (the consent's `infoflits_domains`), so the partner gets what it needs and
nothing more. What the partner reads is cut again to the consent in `handovers.sharing`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from servicepunt.infoflits.questionnaire.answers import get_path
from servicepunt.infoflits.selectors import current_version, questionnaire

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from servicepunt.cases.models import Question


def facts_of_domains(question: Question, domains: Iterable[str]) -> dict[str, Any]:
    """The answers of the case's infoflits in `domains` (life domain codes)."""
    infoflits = question.case.infoflits
    domains = set(domains)
    if infoflits is None or not domains:
        return {}
    return facts_of_situation(current_version(infoflits).situation, domains)


def facts_of_situation(situation: Mapping[str, Any] | None, domains: Iterable[str]) -> dict[str, Any]:
    """The answers of a situation in `domains` (life domain codes), keyed by question field."""
    domains = set(domains)
    if situation is None or not domains:
        return {}
    facts: dict[str, Any] = {}
    for step in questionnaire().steps:
        if step.domain not in domains:
            continue
        for item in step.questions:
            value = get_path(situation, item.field)
            if value is not None:
                facts[item.field] = value
    return facts


def zrm_scores_of(question: Question) -> dict[str, int]:
    """The self-sufficiency scores (ZRM, 1 to 5) per life domain of the case's infoflits."""
    infoflits = question.case.infoflits
    if infoflits is None:
        return {}
    return dict(current_version(infoflits).self_sufficiency)


def field_domains() -> dict[str, str | None]:
    """Each question's field (as a fact is keyed) and the life domain it belongs to."""
    return {item.field: step.domain for step in questionnaire().steps for item in step.questions}


def facts_labelled(facts: dict[str, Any], language: str) -> list[tuple[str, Any]]:
    """The facts with the questionnaire's own question as label, in the reader's language."""
    labels = {
        item.field: item.text.get(language) or item.text.get("nl") or item.field
        for step in questionnaire().steps
        for item in step.questions
    }
    return [(labels.get(field, field), value) for field, value in facts.items()]
