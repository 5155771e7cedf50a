"""The queue state machine and the wait estimate (pure; hypothesis explores event sequences)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from servicepunt.videocalls.queue import (
    FINAL,
    QUEUED,
    TRANSITIONS,
    Event,
    State,
    TransitionRefused,
    allowed_events,
    next_state,
    wait_estimate,
)

events = st.lists(st.sampled_from(list(Event)), max_size=30)


@given(events)
def test_any_sequence_stays_in_the_machine(sequence: list[Event]) -> None:
    """Whatever the events, a call is always in a known state, a final state accepts nothing,
    and a refused event leaves the state as it was."""
    state = State.REQUESTED
    for event in sequence:
        if event in allowed_events(state):
            state = next_state(state, event)
        else:
            with pytest.raises(TransitionRefused):
                next_state(state, event)
        assert state in State
        if state in FINAL:
            assert allowed_events(state) == frozenset()


@given(events)
def test_in_call_only_after_a_pick_up(sequence: list[Event]) -> None:
    """A call is never in the room with an employee who did not pick it up: every in_call is
    directly preceded by picked_up, and ended comes only after a pick-up."""
    state, history = State.REQUESTED, [State.REQUESTED]
    for event in sequence:
        if event in allowed_events(state):
            state = next_state(state, event)
            history.append(state)
    for before, after in itertools.pairwise(history):
        if after == State.IN_CALL:
            assert before == State.PICKED_UP
    if State.ENDED in history:
        assert State.PICKED_UP in history[: history.index(State.ENDED)]


def test_every_state_is_reachable_and_every_non_final_state_can_finish() -> None:
    reachable, frontier = {State.REQUESTED}, [State.REQUESTED]
    while frontier:
        state = frontier.pop()
        for event in allowed_events(state):
            target = next_state(state, event)
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(State)
    for state in set(State) - FINAL:
        assert any(TRANSITIONS[(state, event)] in FINAL or event == Event.PICK_UP for event in allowed_events(state))


def test_the_main_path_and_its_refusals() -> None:
    path = [Event.ENQUEUE, Event.PICK_UP, Event.CONNECT, Event.TRANSFER, Event.PICK_UP, Event.CONNECT, Event.END]
    state = State.REQUESTED
    for event in path:
        state = next_state(state, event)
    assert state == State.ENDED
    with pytest.raises(TransitionRefused, match="pick_up is not possible in state ended"):
        next_state(State.ENDED, Event.PICK_UP)
    with pytest.raises(TransitionRefused):
        next_state(State.IN_CALL, Event.PICK_UP)  # a second employee cannot take a call in progress
    assert State.WAITING in QUEUED and State.TRANSFERRED in QUEUED


handling = st.lists(st.floats(min_value=30, max_value=3600), max_size=20)


@given(st.integers(1, 60), handling, st.integers(0, 20), st.integers(0, 20))
def test_wait_estimate_grows_with_place_and_shrinks_with_staff(
    position: int, seconds: list[float], employees: int, free: int
) -> None:
    estimate = wait_estimate(position=position, handling_seconds=seconds, employees=employees, free=free)
    assert estimate >= 0
    assert wait_estimate(position=position + 1, handling_seconds=seconds, employees=employees, free=free) >= estimate
    assert wait_estimate(position=position, handling_seconds=seconds, employees=employees + 1, free=free) <= estimate
    assert wait_estimate(position=position, handling_seconds=seconds, employees=employees, free=free + 1) <= estimate


def test_wait_estimate_figures() -> None:
    assert wait_estimate(position=1, handling_seconds=[], employees=2, free=1) == 0
    # One busy employee, calls of 10 minutes: the first waits half a call, the third 2.5 calls.
    assert wait_estimate(position=1, handling_seconds=[600], employees=1) == 300
    assert wait_estimate(position=3, handling_seconds=[600, 600, 6000], employees=1) == 1500  # the median
    assert wait_estimate(position=3, handling_seconds=[600], employees=0) == 1500  # nobody: one's pace
    assert wait_estimate(position=2, handling_seconds=[], employees=2) == 360  # default 8 min
    with pytest.raises(ValueError):
        wait_estimate(position=0, handling_seconds=[], employees=1)
