"""suggest(): every product the household is probably entitled to or helped by, with reasons.

Per product (in catalogue order) the rules for it are decided (rules.Rule.decide); then:
  - a product in benefits_received (or shown received by an income source) is never suggested;
  - a FIRE rule, else an ASK rule, suggests it (the first in file order gives rule id and reason);
  - an asked product whose rules all say NO goes to not_suggested with the rule's reason;
  - an asked product with only OPEN rules, or no rules (triage-only), is suggested with
    asked: true and the questions that would settle it;
  - a product not asked about whose rule held but an exclusion blocked it goes to not_suggested
    (the "obvious" one the employee may wonder about).
Urgent suggestions come first, then asked products, then the others, each in catalogue order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from servicepunt.infoflits.engine.conditions import Env
from servicepunt.infoflits.engine.facts import derive
from servicepunt.infoflits.engine.results import NotSuggested, Suggestion, SuggestionResult
from servicepunt.infoflits.engine.rules import ASK, FIRE, NO, OPEN, Decision, Rule, RuleSet
from servicepunt.infoflits.engine.schema import validate_situation

# Without a reference date the situation is judged on today as it is in the municipality.
REFERENCE_ZONE = ZoneInfo("Europe/Amsterdam")


def reference_date(situation: Mapping[str, Any], today: dt.date | None = None) -> dt.date:
    raw = situation.get("reference_date")
    if raw:
        return raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw))
    return today or dt.datetime.now(REFERENCE_ZONE).date()


def _questions(ruleset: RuleSet, unknown: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    nl: dict[str, None] = {}
    en: dict[str, None] = {}
    for path in unknown:
        question = ruleset.questions.get(path, (f"Vraag naar: {path}.", f"Ask about: {path}."))
        nl[question[0]] = None
        en[question[1]] = None
    return tuple(nl), tuple(en)


def _suggestion(ruleset: RuleSet, rule: Rule, decision: Decision, asked: bool) -> Suggestion:
    ask, ask_en = _questions(ruleset, decision.unknown)
    facts = dict(decision.facts)
    return Suggestion(
        rule.product, rule.urgent, rule.id, rule.reason, rule.reason_en, facts, ask, asked, ask_en, rule.legal_basis
    )


def _open_asked(ruleset: RuleSet, code: str, decided: list[tuple[Rule, Decision]]) -> Suggestion:
    product = ruleset.products[code]
    unknown = tuple(dict.fromkeys(p for _, d in decided if d.status == OPEN for p in d.unknown))
    ask, ask_en = _questions(ruleset, unknown)
    first = next((r for r, d in decided if d.status == OPEN), None)
    if ask:
        reason = f"U vroeg naar {product.name}. Of het voor u past, hangt nog af van een paar vragen."
        reason_en = f"You asked about {product.name}. Whether it fits depends on a few more questions."
    else:
        reason = f"U vroeg naar {product.name}. We kijken samen wat u nodig heeft."
        reason_en = f"You asked about {product.name}. We will look at what you need together."
    return Suggestion(
        code,
        product.urgent,
        first.id if first else f"asked.{code}",
        reason,
        reason_en,
        {},
        ask,
        True,
        ask_en,
        first.legal_basis if first else None,
    )


def _not(ruleset: RuleSet, code: str, decided: list[tuple[Rule, Decision]]) -> NotSuggested:
    for rule, decision in decided:
        if decision.why_not:
            return NotSuggested(code, decision.why_not[0], decision.why_not[1], rule.id)
    name = ruleset.products[code].name
    return NotSuggested(
        code,
        f"Uit uw antwoorden blijkt dat {name} nu waarschijnlijk niet past.",
        f"Your answers show that {name} probably does not apply now.",
        decided[0][0].id,
    )


def suggest(
    situation: Mapping[str, Any], ruleset: RuleSet, *, today: dt.date | None = None, validate: bool = False
) -> SuggestionResult:
    """Suggestions for a (schema-valid) situation, judged with the parameters of its reference_date."""
    if validate:
        validate_situation(situation, ruleset.schema_path)
    day = reference_date(situation, today)
    params = ruleset.parameters.at(day)
    facts = derive(situation, params)
    env = Env(facts, params)
    asked = set((situation.get("question") or {}).get("asked_products") or ())
    received = facts["received"]
    found: list[tuple[tuple[int, int, int, int], Suggestion]] = []
    not_suggested: list[NotSuggested] = []
    for index, code in enumerate(ruleset.products):
        is_asked = code in asked
        if code in received:
            if is_asked:
                not_suggested.append(NotSuggested(code, "U krijgt dit al.", "You already receive this."))
            continue
        decided = [(rule, rule.decide(env)) for rule in ruleset.by_product.get(code, ())]
        chosen = next(((r, d) for r, d in decided if d.status == FIRE), None) or next(
            ((r, d) for r, d in decided if d.status == ASK), None
        )
        if chosen:
            suggestion = _suggestion(ruleset, chosen[0], chosen[1], is_asked)
        elif is_asked and decided and all(d.status == NO for _, d in decided):
            not_suggested.append(_not(ruleset, code, decided))
            continue
        elif is_asked:
            suggestion = _open_asked(ruleset, code, decided)
        else:
            near = [(r, d) for r, d in decided if d.near_miss]
            if near:
                not_suggested.append(_not(ruleset, code, near))
            continue
        key = (0 if suggestion.urgent else 1, 0 if is_asked else 1, 1 if suggestion.ask else 0, index)
        found.append((key, suggestion))
    found.sort(key=lambda item: item[0])
    warnings = tuple(
        f"Voor {day.isoformat()} is '{name}' nog niet bekend; de laatst bekende waarde is gebruikt."
        for name in sorted(params.provisional)
    )
    return SuggestionResult(tuple(s for _, s in found), tuple(not_suggested), day.isoformat(), warnings)
