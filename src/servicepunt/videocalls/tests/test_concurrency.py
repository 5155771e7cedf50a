"""Employees race to pick up calls on PostgreSQL (one connection per thread): one call is picked
up by exactly one employee, and one employee who clicks two calls at once holds only one. The
first holds by the row lock and the state check, the second by the partial unique index."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection, connections

from servicepunt.accounts.roles import Role
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.videocalls.selectors import call_state
from servicepunt.videocalls.services import CallNotPossible, CallRequestInput, call_pick_up, call_request

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.videocalls.models import VideoCall

pytestmark = [
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite ignores SELECT … FOR UPDATE (CI runs this with DATABASE_URL=postgres://…)",
    ),
]
RACERS = 8


def _race(jobs: list[Callable[[], Any]]) -> list[object]:
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = jobs[index]()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _call(host: User, topic: str) -> VideoCall:
    return call_request(host=host, data=CallRequestInput(wijkbureau=entry_points_video().first(), topic=topic))


def test_one_call_is_picked_up_by_one_employee(make_user: Callable[..., User]) -> None:
    host = make_user(Role.WIJKBUREAU, "host")
    employees = [make_user(Role.SERVICEPUNT, f"medewerker-{n}") for n in range(RACERS)]
    call = _call(host, "Schulden")
    results = _race([lambda employee=employee: call_pick_up(call=call, employee=employee) for employee in employees])
    won = [result for result in results if not isinstance(result, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(result, CallNotPossible) for result in results if result not in won), results
    assert call_state(uuid=call.uuid) == "picked_up"


def test_one_employee_holds_one_call_when_clicking_two_at_once(make_user: Callable[..., User]) -> None:
    host = make_user(Role.WIJKBUREAU, "host")
    employee = make_user(Role.SERVICEPUNT, "medewerker")
    calls = [_call(host, f"Vraag {n}") for n in range(RACERS)]
    results = _race([lambda call=call: call_pick_up(call=call, employee=employee) for call in calls])
    won = [result for result in results if not isinstance(result, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(result, CallNotPossible) for result in results if result not in won), results
    assert sorted(call_state(uuid=call.uuid) for call in calls).count("picked_up") == 1
