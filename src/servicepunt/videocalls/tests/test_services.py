"""The use cases of a video call against the real local Janus: a request makes a room and joins
the queue, one employee picks it up, transfer needs a colleague and a note, ending closes the
room and records the contact moment on the case; the database holds the invariants too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.services import ResidentInput, resident_register_with_case
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.core.errors import InvalidInput
from servicepunt.videocalls.janus import JanusConfig
from servicepunt.videocalls.media import media_provider
from servicepunt.videocalls.models import CallTransition, VideoCall
from servicepunt.videocalls.selectors import queue_board, queue_place
from servicepunt.videocalls.services import (
    CallNotPossible,
    CallRequestInput,
    MediaUnavailable,
    call_cancel,
    call_connect,
    call_end,
    call_fall_back,
    call_pick_up,
    call_request,
    call_transfer,
)

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _request(host: User, topic: str = "Brief van Toeslagen", **extra: object) -> VideoCall:
    data = CallRequestInput(wijkbureau=entry_points_video().first(), topic=topic, **extra)  # type: ignore[arg-type]
    return call_request(host=host, data=data)


def test_request_pick_up_connect_end(
    janus: JanusConfig, host: User, employee: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    registration = resident_register_with_case(
        registered_by=host,
        data=ResidentInput(given_name="Test", surname="Persoon", contact_preference="none"),
        question="Brief van Toeslagen",
    )
    with time_machine.travel(timezone.now(), tick=False) as clock:
        call = _request(host, language="ar", interpreter_needed=True, case=registration.case)
        assert call.state == "waiting" and call.room_id
        provider = media_provider()
        assert provider.room_exists(_room_of(call))  # type: ignore[attr-defined]
        assert [row.call.pk for row in queue_board()] == [call.pk]
        place = queue_place(call)
        assert place is not None and place.position == 1

        clock.shift(dt.timedelta(minutes=3))  # the resident waits 3 minutes
        call = call_pick_up(call=call, employee=employee)
        assert call.state == "picked_up" and call.employee == employee and queue_board() == []
        clock.shift(dt.timedelta(minutes=1))
        call = call_connect(call=call, employee=employee)
        assert call.state == "in_call"
        clock.shift(dt.timedelta(minutes=12))  # and talks 12 minutes
        with django_capture_on_commit_callbacks(execute=True):  # the room goes after commit
            call = call_end(call=call, by=employee, outcome="Toeslag uitgelegd, afspraak bij Toeslagen")
    assert call.state == "ended" and call.finished_at
    assert not provider.room_exists(_room_of(call))  # type: ignore[attr-defined]
    moment = registration.case.contact_moments.get()
    assert moment.channel == "video_wijkbureau" and moment.language == "ar" and moment.interpreter
    assert moment.wijkbureau.startswith("Wijk")
    assert (moment.waited, moment.duration) == (dt.timedelta(minutes=3), dt.timedelta(minutes=12))
    assert [t.event for t in CallTransition.objects.filter(call=call)] == ["enqueue", "pick_up", "connect", "end"]


def _room_of(call: VideoCall) -> object:
    from servicepunt.videocalls.media import Room

    return Room(provider=call.room_provider, room_id=call.room_id, secret=call.room_secret)


def test_a_call_is_picked_up_once(
    janus: JanusConfig, host: User, employee: User, make_user: Callable[..., User]
) -> None:
    colleague = make_user(Role.SERVICEPUNT, "collega")
    call = _request(host)
    call_pick_up(call=call, employee=employee)
    with pytest.raises(CallNotPossible, match="al opgepakt"):
        call_pick_up(call=call, employee=colleague)
    # One employee holds one call at a time.
    second = _request(host, topic="Schulden")
    with pytest.raises(CallNotPossible, match="al een videogesprek"):
        call_pick_up(call=second, employee=employee)
    call_cancel(call=second, by=host)


def test_the_database_refuses_two_held_calls_for_one_employee(janus: JanusConfig, host: User, employee: User) -> None:
    first, second = _request(host), _request(host, topic="Werk")
    call_pick_up(call=first, employee=employee)
    second.state, second.employee = "picked_up", employee
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    second.refresh_from_db()
    second.state, second.employee = "in_call", None  # held without an employee
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    second.refresh_from_db()
    second.state = "bogus"
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_transfer_needs_a_colleague_and_a_note(
    janus: JanusConfig, host: User, employee: User, make_user: Callable[..., User]
) -> None:
    colleague = make_user(Role.SERVICEPUNT, "collega")
    third = make_user(Role.SERVICEPUNT, "derde")
    call = call_connect(call=call_pick_up(call=_request(host), employee=employee), employee=employee)
    with pytest.raises(InvalidInput) as refused:
        call_transfer(call=call, by=employee, to=colleague, note="")
    assert refused.value.field == "note"
    with pytest.raises(InvalidInput) as refused:
        call_transfer(call=call, by=employee, to=host, note="Schulden")
    assert refused.value.field == "to"
    call = call_transfer(call=call, by=employee, to=colleague, note="Collega weet meer van schulden")
    assert call.state == "transferred" and call.employee is None
    with pytest.raises(CallNotPossible, match="doorgezet"):
        call_pick_up(call=call, employee=third)
    call = call_pick_up(call=call, employee=colleague)
    assert call.employee == colleague
    assert CallTransition.objects.get(call=call, event="transfer").note == "Collega weet meer van schulden"


def test_cancel_and_fallback_close_the_room(
    janus: JanusConfig, host: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call = call_cancel(call=_request(host), by=host)
    assert call.state == "abandoned"
    assert not media_provider().room_exists(_room_of(call))  # type: ignore[attr-defined]
    with pytest.raises(CallNotPossible):
        call_cancel(call=call, by=host)
    other = _request(host)
    with pytest.raises(InvalidInput):
        call_fall_back(call=other, by=host, choice="nothing")
    assert call_fall_back(call=other, by=host, choice="callback").state == "fallback"


def test_bad_input_names_the_field(janus: JanusConfig, host: User) -> None:
    for topic, field in (("", "topic"), ("a\nb", "topic"), ("x" * 201, "topic")):
        with pytest.raises(InvalidInput) as refused:
            _request(host, topic=topic)
        assert refused.value.field == field
    with pytest.raises(InvalidInput) as refused:
        _request(host, language="xx")
    assert refused.value.field == "language"
    assert not VideoCall.objects.exists()


def test_no_media_server_no_call(host: User, settings: object) -> None:
    from servicepunt.videocalls.media import _provider

    settings.SERVICEPUNT_JANUS_URL = "http://127.0.0.1:9/janus"  # type: ignore[attr-defined]
    _provider.cache_clear()
    try:
        with pytest.raises(MediaUnavailable):
            _request(host)
    finally:
        _provider.cache_clear()
    assert not VideoCall.objects.exists()
