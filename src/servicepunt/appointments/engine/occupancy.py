"""How many desks are taken at any moment: a step function built from the booked spans."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from servicepunt.appointments.engine.model import Span


class Occupancy:
    """`peak(start, end)` is the largest number of bookings running at the same moment within
    [start, end). A slot is free when its peak is below the number of desks."""

    __slots__ = ("_levels", "_points")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        deltas: dict[dt.datetime, int] = {}
        for start, end in spans:
            deltas[start] = deltas.get(start, 0) + 1
            deltas[end] = deltas.get(end, 0) - 1
        self._points = sorted(deltas)
        self._levels: list[int] = []
        level = 0
        for point in self._points:
            level += deltas[point]
            self._levels.append(level)

    def peak(self, start: dt.datetime, end: dt.datetime) -> int:
        points, levels = self._points, self._levels
        index = bisect_right(points, start) - 1
        best = levels[index] if index >= 0 else 0
        index += 1
        while index < len(points) and points[index] < end:
            best = max(best, levels[index])
            index += 1
        return best
