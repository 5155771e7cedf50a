from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from servicepunt.privacy.retention import RetentionError, retention_rules, rule_for, rules_parsed

TODAY = dt.date(2026, 12, 3)


def _rule(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "access_log",
        "valid_from": dt.date(2024, 1, 1),
        "period_months": 12,
        "counted_from": "at",
        "action": "delete",
        "source": "AVG art. 5",
    } | changes


def _all(*extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "rules": [
            _rule(),
            _rule(kind="case", counted_from="closed_at", action="anonymise"),
            _rule(kind="infoflits", counted_from="started_at"),
            _rule(kind="appointment", counted_from="end", action="anonymise", period_months=3),
            _rule(kind="notification", counted_from="sent_at", period_months=3),
            _rule(kind="consent", counted_from="withdrawn_or_expired", action="anonymise"),
            _rule(kind="security_log"),
            *extra,
        ]
    }


def test_the_shipped_file_names_a_source_for_every_kind() -> None:
    rules = retention_rules()
    assert {rule.kind for rule in rules} == {
        "case",
        "appointment",
        "notification",
        "consent",
        "infoflits",
        "access_log",
        "security_log",
    }
    assert all(rule.source for rule in rules)
    assert "Selectielijst gemeenten" in rule_for("case", TODAY).source
    assert "art. 5 lid 1 onder e" in rule_for("notification", TODAY).source
    assert "art. 7 lid 1" in rule_for("consent", TODAY).source
    assert "art. 5 lid 1 onder e" in rule_for("consent", TODAY).source
    # Shorter for the access log, the infoflits answers, the appointments' free text, the
    # delivery records and the consents' notes than for closed cases; the free text and delivery
    # records of appointments go before the notes of consents.
    case = rule_for("case", TODAY).period_months
    for kind in ("access_log", "security_log", "infoflits", "appointment", "notification", "consent"):
        assert rule_for(kind, TODAY).period_months < case
    assert rule_for("notification", TODAY).period_months <= rule_for("consent", TODAY).period_months
    assert rule_for("appointment", TODAY).action == rule_for("consent", TODAY).action == "anonymise"
    assert rule_for("notification", TODAY).action == "delete"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "letters"}, "kind"),
        ({"valid_from": "soon"}, "valid_from"),
        ({"period_months": 0}, "period_months"),
        ({"period_months": "12"}, "period_months"),
        ({"period_months": True}, "period_months"),
        ({"counted_from": "closed_at"}, "counted_from"),
        ({"kind": "consent", "counted_from": "given_at"}, "counted_from"),
        ({"kind": "notification", "counted_from": "at"}, "counted_from"),
        ({"action": "archive"}, "action"),
        ({"source": " "}, "source"),
    ],
)
def test_a_bad_rule_is_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(RetentionError, match=rf"rules\[0\]\.{field}"):
        rules_parsed({"rules": [_rule(**changes)]})


def test_missing_and_unknown_fields_and_kinds_are_refused() -> None:
    rule = _rule()
    del rule["source"]
    with pytest.raises(RetentionError, match="missing source"):
        rules_parsed({"rules": [rule]})
    with pytest.raises(RetentionError, match="unknown field days"):
        rules_parsed({"rules": [_rule(days=3)]})
    with pytest.raises(
        RetentionError, match="no rule for appointment, case, consent, infoflits, notification, security_log"
    ):
        rules_parsed({"rules": [_rule()]})
    with pytest.raises(RetentionError, match="two rules valid from"):
        rules_parsed(_all(_rule()))
    with pytest.raises(RetentionError, match="'rules' must be a list"):
        rules_parsed({"rule": []})


def test_the_rule_in_force_is_the_latest_that_started() -> None:
    rules = tuple(rules_parsed(_all(_rule(valid_from=dt.date(2026, 7, 1), period_months=6))))
    assert rule_for("access_log", dt.date(2026, 6, 30), rules).period_months == 12
    assert rule_for("access_log", dt.date(2026, 7, 1), rules).period_months == 6
    with pytest.raises(RetentionError, match="no rule in force"):
        rule_for("access_log", dt.date(2023, 12, 31), rules)


def test_the_cutoff_counts_calendar_months() -> None:
    (rule,) = (r for r in rules_parsed(_all()) if r.kind == "access_log")
    now = dt.datetime(2026, 3, 31, 12, 0, tzinfo=dt.UTC)
    assert rule.cutoff(now) == dt.datetime(2025, 3, 31, 12, 0, tzinfo=dt.UTC)
    six = rules_parsed(_all(_rule(valid_from=dt.date(2025, 1, 1), period_months=1)))
    assert [r for r in six if r.kind == "access_log"][-1].cutoff(now) == dt.datetime(2026, 2, 28, 12, 0, tzinfo=dt.UTC)
