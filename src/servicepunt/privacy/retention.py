"""The retention periods of `data/retention.yaml`, loaded and validated. No period is written in
code: every service that removes data asks here for the cutoff of its kind of record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RETENTION_FILE = Path(__file__).parent / "data" / "retention.yaml"
ACTIONS = ("anonymise", "delete")
# Each kind of record, the owning app and the moment its period is counted from.
KINDS = {
    "case": "closed_at",
    "appointment": "end",
    "notification": "sent_at",
    "consent": "withdrawn_or_expired",
    "infoflits": "started_at",
    "access_log": "at",
    "security_log": "at",
}
FIELDS = {"kind", "valid_from", "period_months", "counted_from", "action", "source"}


class RetentionError(ValueError):
    """retention.yaml is not valid; the message names the rule and the field."""


@dataclass(frozen=True)
class RetentionRule:
    kind: str
    valid_from: dt.date
    period_months: int
    counted_from: str
    action: str
    source: str

    def cutoff(self, now: dt.datetime) -> dt.datetime:
        """Records whose moment lies before this are due."""
        month_index = now.year * 12 + now.month - 1 - self.period_months
        year, month = divmod(month_index, 12)
        day = min(now.day, _days_in_month(year, month + 1))
        return now.replace(year=year, month=month + 1, day=day)


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def rules_parsed(data: Any) -> list[RetentionRule]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RetentionError("retention.yaml: 'rules' must be a list")
    rules = []
    for index, item in enumerate(data["rules"]):
        where = f"rules[{index}]"
        if not isinstance(item, dict):
            raise RetentionError(f"{where}: must be a mapping")
        if missing := FIELDS - item.keys():
            raise RetentionError(f"{where}: missing {', '.join(sorted(missing))}")
        if unknown := item.keys() - FIELDS:
            raise RetentionError(f"{where}: unknown field {', '.join(sorted(unknown))}")
        kind = item["kind"]
        if kind not in KINDS:
            raise RetentionError(f"{where}.kind: unknown kind {kind!r}")
        if not isinstance(item["valid_from"], dt.date):
            raise RetentionError(f"{where}.valid_from: must be a date (YYYY-MM-DD)")
        period = item["period_months"]
        if isinstance(period, bool) or not isinstance(period, int) or period < 1:
            raise RetentionError(f"{where}.period_months: must be a whole number of months, at least 1")
        if item["counted_from"] != KINDS[kind]:
            raise RetentionError(f"{where}.counted_from: for {kind} this is {KINDS[kind]}")
        if item["action"] not in ACTIONS:
            raise RetentionError(f"{where}.action: must be one of {', '.join(ACTIONS)}")
        if not isinstance(item["source"], str) or not item["source"].strip():
            raise RetentionError(f"{where}.source: the legal source must be named")
        rules.append(RetentionRule(**{**item, "source": item["source"].strip()}))
    seen = set()
    for rule in rules:
        if (rule.kind, rule.valid_from) in seen:
            raise RetentionError(f"{rule.kind}: two rules valid from {rule.valid_from}")
        seen.add((rule.kind, rule.valid_from))
    if missing_kinds := KINDS.keys() - {rule.kind for rule in rules}:
        raise RetentionError(f"no rule for {', '.join(sorted(missing_kinds))}")
    return sorted(rules, key=lambda rule: (rule.kind, rule.valid_from))


@cache
def retention_rules() -> tuple[RetentionRule, ...]:
    return tuple(rules_parsed(yaml.safe_load(RETENTION_FILE.read_text(encoding="utf-8"))))


def rule_for(kind: str, on: dt.date, rules: tuple[RetentionRule, ...] | None = None) -> RetentionRule:
    """The rule of this kind in force on this day."""
    in_force = [rule for rule in (rules or retention_rules()) if rule.kind == kind and rule.valid_from <= on]
    if not in_force:
        raise RetentionError(f"{kind}: no rule in force on {on}")
    return in_force[-1]
