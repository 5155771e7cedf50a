"""Time spans as staff read them: whole minutes, rounded (a wait of 2 min 40 s is "3 min")."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()
SECONDS_PER_MINUTE = 60


@register.filter
def minutes(span: dt.timedelta | None) -> int | str:
    """The span in whole minutes, rounded half up; "" for no span."""
    if span is None:
        return ""
    return int((span.total_seconds() + SECONDS_PER_MINUTE / 2) // SECONDS_PER_MINUTE)
