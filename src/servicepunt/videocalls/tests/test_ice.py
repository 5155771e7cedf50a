"""The ICE servers a call's browser gets: none unless configured (janus.js would otherwise use
Google's public STUN server), and TURN credentials per participant that expire and that coturn's
use-auth-secret scheme accepts."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.videocalls.ice import ice_servers
from servicepunt.videocalls.services import CallRequestInput, call_pick_up, call_request

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

TURN = {
    "SERVICEPUNT_STUN_URLS": ["stun:turn.gemeente.example:3478"],
    "SERVICEPUNT_TURN_URLS": ["turns:turn.gemeente.example:443?transport=tcp"],
    "SERVICEPUNT_TURN_SECRET": "coturn-static-auth-secret-for-tests",
    "SERVICEPUNT_TURN_TTL_SECONDS": 600,
}


def test_without_configuration_the_browser_gets_no_ice_server(settings: object) -> None:
    assert ice_servers("employee") == []


def test_turn_credentials_follow_coturns_rest_scheme_and_expire(settings: object) -> None:
    for name, value in TURN.items():
        setattr(settings, name, value)
    stun, turn = ice_servers("host", now=1_800_000_000)
    assert stun == {"urls": ["stun:turn.gemeente.example:3478"]}
    assert turn["urls"] == ["turns:turn.gemeente.example:443?transport=tcp"]
    assert turn["username"] == "1800000600:host"
    expected = hmac.new(b"coturn-static-auth-secret-for-tests", b"1800000600:host", hashlib.sha1).digest()
    assert base64.b64decode(turn["credential"]) == expected
    assert ice_servers("employee", now=1_800_000_000)[1]["username"] == "1800000600:employee"


@pytest.mark.django_db
def test_the_access_answer_carries_the_ice_servers(make_user: Callable[..., User], settings: object) -> None:
    host, employee = make_user(Role.WIJKBUREAU, "host"), make_user(Role.SERVICEPUNT, "een")
    call = call_request(host=host, data=CallRequestInput(wijkbureau=entry_points_video().first(), topic="Huur"))
    call_pick_up(call=call, employee=employee)
    client = Client()
    client.force_login(employee)
    assert client.get(f"/video/{call.uuid}/toegang/medewerker/").json()["iceServers"] == []
    for name, value in TURN.items():
        setattr(settings, name, value)
    servers = client.get(f"/video/{call.uuid}/toegang/medewerker/").json()["iceServers"]
    assert [server["urls"][0] for server in servers] == [
        TURN["SERVICEPUNT_STUN_URLS"][0],
        TURN["SERVICEPUNT_TURN_URLS"][0],
    ]
    assert servers[1]["username"].endswith(":employee")
