"""Opening hours per day: weekly hours, Dutch holidays with the Bevrijdingsdag and Goede
Vrijdag rules, dated exceptions, daylight saving time."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from servicepunt.appointments.engine import (
    AgendaSpec,
    DayException,
    HolidayRules,
    LiberationDay,
    closed_for_holiday,
    easter_sunday,
    opening_spans,
)
from servicepunt.appointments.tests.engine_helpers import local, spec, walls

GOOD_FRIDAY_2027 = dt.date(2027, 3, 26)


def _hours(agenda: AgendaSpec, day: dt.date) -> list[str]:
    return [f"{start}-{end}" for start, end in (walls(span) for span in opening_spans(agenda, day))]


def test_easter_matches_the_holidays_package() -> None:
    for year in range(2000, 2100):
        named = holidays.country_holidays("NL", years=year, language="en_US")
        easter = {day for day, name in named.items() if name == "Easter Sunday"}
        assert easter == {easter_sunday(year)}


@pytest.mark.parametrize(
    ("rule", "closed_2027", "closed_2030"),
    [
        (LiberationDay.EVERY_YEAR, True, True),
        (LiberationDay.LUSTRUM, False, True),
        (LiberationDay.NEVER, False, False),
    ],
)
def test_bevrijdingsdag_follows_the_agendas_rule(rule: LiberationDay, closed_2027: bool, closed_2030: bool) -> None:
    rules = HolidayRules(liberation_day=rule, good_friday_closed=False)
    assert closed_for_holiday(dt.date(2027, 5, 5), rules) is closed_2027  # a Wednesday
    assert closed_for_holiday(dt.date(2030, 5, 5), rules) is closed_2030
    assert _hours(spec(rules=rules), dt.date(2027, 5, 5)) == ([] if closed_2027 else ["09:00-17:00"])


@pytest.mark.parametrize("closed", [True, False])
def test_goede_vrijdag_is_configurable(closed: bool) -> None:
    rules = HolidayRules(liberation_day=LiberationDay.LUSTRUM, good_friday_closed=closed)
    assert (opening_spans(spec(rules=rules), GOOD_FRIDAY_2027) == []) is closed


def test_national_holidays_close_the_agenda() -> None:
    holidays_2027 = (dt.date(2026, 12, 25), dt.date(2027, 1, 1), dt.date(2027, 3, 29), dt.date(2027, 4, 27))
    for day in (*holidays_2027, dt.date(2027, 5, 6), dt.date(2027, 5, 17)):
        assert opening_spans(spec(), day) == [], day
    assert _hours(spec(), dt.date(2027, 3, 30)) == ["09:00-17:00"]


def test_exceptions_close_a_day_close_part_of_it_or_open_extra() -> None:
    monday, tuesday, wednesday = dt.date(2027, 1, 11), dt.date(2027, 1, 12), dt.date(2027, 1, 13)
    agenda = spec(
        exceptions=[
            DayException(monday, closed=True),
            DayException(tuesday, closed=True, opens=dt.time(12), closes=dt.time(13, 30)),
            DayException(wednesday, closed=False, opens=dt.time(17), closes=dt.time(20)),
        ]
    )
    assert opening_spans(agenda, monday) == []
    assert _hours(agenda, tuesday) == ["09:00-12:00", "13:30-17:00"]
    assert _hours(agenda, wednesday) == ["09:00-20:00"]  # extra hours join the regular ones


def test_extra_hours_open_a_holiday_but_a_closed_day_wins() -> None:
    christmas = dt.date(2026, 12, 25)
    opened = spec(exceptions=[DayException(christmas, closed=False, opens=dt.time(10), closes=dt.time(12))])
    assert _hours(opened, christmas) == ["10:00-12:00"]
    both = spec(
        exceptions=[
            DayException(dt.date(2027, 1, 12), closed=False, opens=dt.time(18), closes=dt.time(20)),
            DayException(dt.date(2027, 1, 12), closed=True),
        ]
    )
    assert opening_spans(both, dt.date(2027, 1, 12)) == []


def test_wall_clock_hours_hold_across_daylight_saving_time() -> None:
    sundays = spec(hours=[(6, "09:00", "17:00")])
    before, after = dt.date(2026, 3, 22), dt.date(2026, 3, 29)  # summer time starts on 29 March 2026
    assert opening_spans(sundays, before)[0][0] == dt.datetime(2026, 3, 22, 8, tzinfo=dt.UTC)
    assert opening_spans(sundays, after)[0][0] == dt.datetime(2026, 3, 29, 7, tzinfo=dt.UTC)
    assert _hours(sundays, after) == ["09:00-17:00"]


def test_closing_at_midnight_runs_to_the_end_of_the_day() -> None:
    late = spec(hours=[(0, "20:00", "00:00")])
    monday = dt.date(2027, 1, 11)
    assert opening_spans(late, monday) == [(local(monday, "20:00"), local(monday + dt.timedelta(days=1), "00:00"))]
