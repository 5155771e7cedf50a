"""Recording is off and cannot be switched on without the setting; switched on, the room records
and every page of the call (the wijkbureau's kiosk, the employee's call page) says so. The choice
is fixed per call when its room is made, so the notice stays true if the setting changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.videocalls.media.janus import JanusProvider
from servicepunt.videocalls.media.memory import MemoryProvider
from servicepunt.videocalls.services import CallRequestInput, call_pick_up, call_request

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

NOTICE = "Dit gesprek wordt opgenomen."


def test_a_janus_room_records_only_when_asked(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    sent: list[dict[str, Any]] = []
    monkeypatch.setattr(JanusProvider, "_videoroom", lambda self, body: sent.append(body) or {"room": 7})
    provider = JanusProvider(api_secret="a", admin_key="b", token_secret="c")
    provider.create_room(participants=("host", "employee"))
    provider.create_room(participants=("host", "employee"), record=True)
    assert sent[0]["record"] is False and "rec_dir" not in sent[0]
    assert sent[1]["record"] is True and sent[1]["rec_dir"] == settings.SERVICEPUNT_VIDEO_RECORDING_DIR


@pytest.mark.django_db
def test_a_recorded_call_says_so_on_every_page(make_user: Callable[..., User], settings: Any) -> None:
    host, employee = make_user(Role.WIJKBUREAU, "host"), make_user(Role.SERVICEPUNT, "een")
    wijkbureau = entry_points_video().first()
    assert settings.SERVICEPUNT_VIDEO_RECORDING is False  # off unless a municipality switches it on
    plain = call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureau, topic="Huur"))
    settings.SERVICEPUNT_VIDEO_RECORDING = True
    recorded = call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureau, topic="Schulden"))
    assert (plain.recorded, recorded.recorded) == (False, True)
    assert recorded.room_id in MemoryProvider.recorded and plain.room_id not in MemoryProvider.recorded
    settings.SERVICEPUNT_VIDEO_RECORDING = False  # switched off during the call: the call stays recorded
    host_client, employee_client = Client(), Client()
    host_client.force_login(host)
    employee_client.force_login(employee)
    assert NOTICE not in host_client.get(f"/video/{plain.uuid}/").content.decode()
    assert NOTICE in host_client.get(f"/video/{recorded.uuid}/").content.decode()
    call_pick_up(call=recorded, employee=employee)
    assert NOTICE in employee_client.get(f"/video/{recorded.uuid}/gesprek/").content.decode()
