"""The closed loop of a warm handover as a pure state machine."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from servicepunt.cases.closing import Resolution


class HandoverState(StrEnum):
    CONCEPT = "concept"
    SENT = "verstuurd"
    RECEIVED = "ontvangen"
    ACCEPTED = "geaccepteerd"
    REJECTED = "afgewezen"
    PLANNED = "afspraak_gepland"
    COMPLETED = "afgerond"


TRANSITIONS: dict[HandoverState, frozenset[HandoverState]] = {
    HandoverState.CONCEPT: frozenset({HandoverState.SENT}),
    HandoverState.SENT: frozenset({HandoverState.RECEIVED, HandoverState.ACCEPTED, HandoverState.REJECTED}),
    HandoverState.RECEIVED: frozenset({HandoverState.ACCEPTED, HandoverState.REJECTED}),
    HandoverState.ACCEPTED: frozenset({HandoverState.PLANNED, HandoverState.COMPLETED}),
    HandoverState.PLANNED: frozenset({HandoverState.COMPLETED}),
    HandoverState.REJECTED: frozenset(),
    HandoverState.COMPLETED: frozenset(),
}


def may_move(current: HandoverState, target: HandoverState) -> bool:
    return target in TRANSITIONS[current]


# What reaching a state does to the handover's question: accepting resolves it (the partner
# books), planning resolves it as booked, rejecting reopens it; the other states leave it.
# The services apply it (handovers.services.handover); the demo replays it.
RESOLVES: dict[HandoverState, Resolution] = {
    HandoverState.ACCEPTED: Resolution.PARTNER_ACCEPTED,
    HandoverState.PLANNED: Resolution.BOOKED,
}
REOPENS = frozenset({HandoverState.REJECTED})


def resolution_after(path: Iterable[HandoverState], start: Resolution = Resolution.OPEN) -> Resolution:
    """The question's resolution after its handover went through `path` (the states after concept)."""
    resolution = start
    for state in path:
        if state in REOPENS:
            resolution = Resolution.OPEN
        resolution = RESOLVES.get(state, resolution)
    return resolution
