"""Money in the infoflits: the three amounts of a Situation, read by the project's one rule for
money (core.validation.amount_parsed) on every front, so the step form, the API and the CLI take
"1.800" as €1800 and refuse "inf", "nan" or "1e400" in the same words."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import amount_parsed
from servicepunt.infoflits.questionnaire import AnswerError

# Plausible tops, far above any household at the counter, so a typo of three extra zeros is
# refused instead of deciding the suggestions.
MAX_MONTHLY_INCOME = Decimal("50000")
MAX_SAVINGS = Decimal("10000000")
MAX_MONTHLY_RENT = Decimal("10000")
AMOUNT_MAXIMA: dict[str, Decimal] = {
    "income.net_monthly_household": MAX_MONTHLY_INCOME,
    "income.savings": MAX_SAVINGS,
    "housing.monthly_rent": MAX_MONTHLY_RENT,
}


def situation_amount(value: object, *, field: str) -> float:
    """The amount as the Situation holds it: a JSON number of euros (cents as decimals)."""
    return float(amount_parsed(value, field=field, maximum=AMOUNT_MAXIMA[field]))


def amount_answer(field: str, raw: str) -> float:
    """The questionnaire's AmountReader: what the employee typed in a step."""
    try:
        return situation_amount(raw, field=field)
    except InvalidInput as error:
        raise AnswerError(field, error.message) from error


def situation_amounts_checked(situation: dict[str, Any]) -> dict[str, Any]:
    """A copy of an outside situation (API, CLI) with each amount read like a typed one: a
    number, or Dutch notation such as "1.800,50"; refused naming the field otherwise."""
    checked = copy.deepcopy(situation)
    for field in AMOUNT_MAXIMA:
        group, name = field.split(".")
        parent = checked.get(group)
        if isinstance(parent, dict) and parent.get(name) is not None:
            parent[name] = situation_amount(parent[name], field=field)
    return checked
