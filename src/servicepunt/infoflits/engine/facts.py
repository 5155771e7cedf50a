"""Facts: the situation flattened to dotted paths, plus the derived facts, computed in one place.

Absent or null means unknown and stays out of the facts. A derived fact that depends on unknown
answers is a `Possible` (the set of values it could still take), so a test can still be decided
when every possibility agrees (an income of 0 is under every household's limit).

Derived facts (all under `household.`, `income.`, `person.`, `debts.`):
  household.type           single | single_parent | couple | couple_with_children
                           (children = children under 18 living at home)
  household.minima_type    single | single_parent | couple | single_aow | couple_aow
  household.norm_type      single | couple | single_aow | couple_aow (Participatiewet art. 21-22)
  household.size_class     one_person | multi_person (anyone else living at home)
  household.toeslag_partner  partner | no_partner
  household.asset_type     single | family (partner or minor children: the higher asset limit)
  household.children_at_home, household.children_under_18, household.children_under_18_band (max 3)
  household.youngest_child_age
  person.aow_age_reached, person.huurtoeslag_band (young | adult)
  income.net_monthly       net_monthly_household, or 0 when the only source is 'none'
  income.receives_bijstand receives Participatiewet benefit (source or benefits_received)
  income.at_minimum        lives on bijstand, AOW alone or nothing: an income at the social minimum
  debts.arrears_count
  received                 benefits_received plus what the income sources show (internal)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SECTIONS = (
    "question",
    "person",
    "housing",
    "income",
    "debts",
    "health",
    "work_education",
    "language_digital",
    "residence",
    "safety",
    "social",
)

# An income source that shows a product is already received.
SOURCE_RECEIVED = {
    "social_assistance": "bijstand",
    "unemployment_benefit": "ww-uitkering",
    "sickness_benefit": "ziektewet-uitkering",
    "state_pension": "aow",
    "student_finance": "studiefinanciering",
}

MINIMUM_SOURCES = frozenset({"none", "social_assistance", "state_pension"})

DERIVED_FIELDS = frozenset(
    {
        "household.type",
        "household.minima_type",
        "household.norm_type",
        "household.size_class",
        "household.toeslag_partner",
        "household.asset_type",
        "household.children_at_home",
        "household.children_under_18",
        "household.children_under_18_band",
        "household.youngest_child_age",
        "person.aow_age_reached",
        "person.huurtoeslag_band",
        "income.net_monthly",
        "income.receives_bijstand",
        "income.at_minimum",
        "debts.arrears_count",
    }
)


@dataclass(frozen=True)
class Possible:
    """A derived fact not yet settled: one of these values."""

    options: tuple[Any, ...]


def _settle(values: Iterable[Any]) -> Any:
    options = tuple(sorted(set(values), key=str))
    return options[0] if len(options) == 1 else Possible(options)


def _opts(value: Any, domain: tuple[Any, ...] = (True, False)) -> tuple[Any, ...]:
    return domain if value is None else (value,)


def _household(facts: dict[str, Any], aow_age: int) -> None:
    age, partner, partner_age = (
        facts.get("person.age"),
        facts.get("person.has_partner"),
        facts.get("person.partner_age"),
    )
    children = facts.get("children")
    minors: bool | None = None
    if children is not None:
        ages = [c.get("age") for c in children]
        known = [a for a in ages if a is not None]
        under = [a for a in known if a < 18]
        minors = True if under else (False if len(known) == len(ages) else None)
        facts["household.children_at_home"] = len(children)
        if len(known) == len(ages):
            facts["household.children_under_18"] = len(under)
            facts["household.children_under_18_band"] = min(len(under), 3)
        if known:
            facts["household.youngest_child_age"] = min(known)
    if partner is False:
        partner_age = None
    person_aow = _opts(None if age is None else age >= aow_age)
    partner_aow = _opts(None if partner_age is None else partner_age >= aow_age)
    kinds, minima, norms, sizes, assets = set(), set(), set(), set(), set()
    for has_partner in _opts(partner):
        for has_minor in _opts(minors):
            if has_partner:
                kinds.add("couple_with_children" if has_minor else "couple")
            else:
                kinds.add("single_parent" if has_minor else "single")
            assets.add("family" if has_partner or has_minor else "single")
            for old in person_aow:
                for partner_old in partner_aow if has_partner else (False,):
                    aow = old or partner_old
                    base = "couple" if has_partner else "single"
                    norms.add(f"{base}_aow" if aow else base)
                    minima.add(f"{base}_aow" if aow else ("single_parent" if has_minor and not has_partner else base))
            if has_partner:
                sizes.add("multi_person")
            elif children is None:
                sizes.update(("one_person", "multi_person"))
            else:
                sizes.add("one_person" if not children else "multi_person")
    facts["household.type"] = _settle(kinds)
    facts["household.minima_type"] = _settle(minima)
    facts["household.norm_type"] = _settle(norms)
    facts["household.size_class"] = _settle(sizes)
    facts["household.asset_type"] = _settle(assets)
    if partner is not None:
        facts["household.toeslag_partner"] = "partner" if partner else "no_partner"
    if age is not None:
        facts["person.aow_age_reached"] = age >= aow_age


def derive(situation: Mapping[str, Any], params: Any) -> dict[str, Any]:
    """All facts of a situation (dotted paths) with the derived ones, for the parameters in force."""
    facts: dict[str, Any] = {}
    for section in SECTIONS:
        part = situation.get(section)
        if isinstance(part, Mapping):
            for key, value in part.items():
                if value is not None:
                    facts[f"{section}.{key}"] = value
    received = situation.get("benefits_received")
    if received is not None:
        facts["benefits_received"] = list(received)
    children = situation.get("children")
    if children is not None:
        facts["children"] = [c for c in children if c.get("lives_at_home") is not False]
    _household(facts, params.get("aow.age"))
    age = facts.get("person.age")
    if age is not None:
        facts["person.huurtoeslag_band"] = "young" if age < params.get("huurtoeslag.youth_age") else "adult"
    sources = facts.get("income.sources")
    net = facts.get("income.net_monthly_household")
    if net is not None:
        facts["income.net_monthly"] = net
    elif sources is not None and set(sources) == {"none"}:
        facts["income.net_monthly"] = 0
    on_bijstand = "bijstand" in (received or ()) or "social_assistance" in (sources or ())
    if on_bijstand or sources is not None:
        facts["income.receives_bijstand"] = on_bijstand
    if on_bijstand or sources:
        facts["income.at_minimum"] = on_bijstand or set(sources or ()) <= MINIMUM_SOURCES
    arrears = facts.get("debts.arrears")
    if arrears is not None:
        facts["debts.arrears_count"] = len(arrears)
    facts["received"] = frozenset(received or ()) | {SOURCE_RECEIVED[s] for s in sources or () if s in SOURCE_RECEIVED}
    return facts
