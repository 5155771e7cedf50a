"""The queue of video calls as a pure state machine (no Django): which event moves a call from
which state to which, and the wait estimate. The services apply it under a row lock; the model's
check constraint holds the same closed list of states.

    requested ─enqueue─▶ waiting ─pick_up─▶ picked_up ─connect─▶ in_call ─end─▶ ended
        │                  │  ▲                │   │                │
        │                  │  └──── release ───┘   └── transfer ─┐  └── transfer ─┐
        └──cancel/fall_back┴─▶ abandoned / fallback             ▼                  ▼
                                                   transferred ─pick_up (the colleague)─▶ picked_up

`transferred` waits for the named colleague; ended, abandoned and fallback are final.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from enum import StrEnum


class State(StrEnum):
    REQUESTED = "requested"
    WAITING = "waiting"
    PICKED_UP = "picked_up"
    IN_CALL = "in_call"
    TRANSFERRED = "transferred"
    ENDED = "ended"
    ABANDONED = "abandoned"
    FALLBACK = "fallback"


class Event(StrEnum):
    ENQUEUE = "enqueue"  # the room exists: the call joins the queue
    PICK_UP = "pick_up"  # an employee takes it (or the colleague it was transferred to)
    RELEASE = "release"  # the employee puts it back in the queue before the call started
    CONNECT = "connect"  # the employee is in the room with the resident
    TRANSFER = "transfer"  # to a named colleague, with a note
    END = "end"
    CANCEL = "cancel"  # the host (or the resident) stops waiting
    FALL_BACK = "fall_back"  # nobody can answer: a callback or an appointment instead


FINAL = frozenset({State.ENDED, State.ABANDONED, State.FALLBACK})
# Where the resident is still waiting for someone to answer (the queue board's rows).
QUEUED = frozenset({State.WAITING, State.TRANSFERRED})

TRANSITIONS: dict[tuple[State, Event], State] = {
    (State.REQUESTED, Event.ENQUEUE): State.WAITING,
    (State.REQUESTED, Event.CANCEL): State.ABANDONED,
    (State.REQUESTED, Event.FALL_BACK): State.FALLBACK,
    (State.WAITING, Event.PICK_UP): State.PICKED_UP,
    (State.WAITING, Event.CANCEL): State.ABANDONED,
    (State.WAITING, Event.FALL_BACK): State.FALLBACK,
    (State.PICKED_UP, Event.CONNECT): State.IN_CALL,
    (State.PICKED_UP, Event.RELEASE): State.WAITING,
    (State.PICKED_UP, Event.TRANSFER): State.TRANSFERRED,
    (State.PICKED_UP, Event.CANCEL): State.ABANDONED,
    (State.PICKED_UP, Event.END): State.ENDED,
    (State.IN_CALL, Event.TRANSFER): State.TRANSFERRED,
    (State.IN_CALL, Event.END): State.ENDED,
    (State.TRANSFERRED, Event.PICK_UP): State.PICKED_UP,
    (State.TRANSFERRED, Event.CANCEL): State.ABANDONED,
    (State.TRANSFERRED, Event.FALL_BACK): State.FALLBACK,
}


class TransitionRefused(Exception):
    def __init__(self, state: State, event: Event) -> None:
        super().__init__(f"{event.value} is not possible in state {state.value}")
        self.state = state
        self.event = event


def next_state(state: State, event: Event) -> State:
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise TransitionRefused(state, event) from None


def allowed_events(state: State) -> frozenset[Event]:
    return frozenset(event for (source, event) in TRANSITIONS if source == state)


# Without history (a new service) a call is assumed to take this long.
DEFAULT_HANDLING_SECONDS = 8 * 60


def wait_estimate(*, position: int, handling_seconds: Sequence[float], employees: int, free: int = 0) -> int:
    """Estimated seconds until the call at `position` (1 = first in line) is picked up. With
    `free` employees not in a call, the first `free` calls are picked up at once; the others wait
    for busy employees, who each finish a call every median handling time and are on average
    half-way through one: (place behind the free ones - 0.5) x median / employees on duty.
    Nobody on duty counts as one employee's pace (a long wait and the fallback offer, never a
    division by zero)."""
    if position < 1:
        raise ValueError("position starts at 1")
    if free < 0 or employees < 0:
        raise ValueError("employees and free cannot be negative")
    if position <= free:
        return 0
    typical = statistics.median(handling_seconds) if handling_seconds else DEFAULT_HANDLING_SECONDS
    return math.ceil((position - free - 0.5) * typical / max(employees, 1))
