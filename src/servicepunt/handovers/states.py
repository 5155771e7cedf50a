"""The closed loop of a warm handover as a pure state machine."""

from __future__ import annotations

from enum import StrEnum


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
