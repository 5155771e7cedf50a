"""The Janus provider against a real local Janus (the `janus` fixture): rooms are created with a
secret and the tokens of their participants, only the server's secrets may manage them, a
browser's signed token reaches the VideoRoom plugin only, and rooms are destroyed afterwards."""

from __future__ import annotations

import json
import urllib.request
from typing import Any
from urllib.parse import quote

import pytest

from servicepunt.videocalls.janus import JanusConfig
from servicepunt.videocalls.media import MediaError, Room, media_provider
from servicepunt.videocalls.media.janus import JanusProvider, api_token, join_token


def _post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps({**body, "transaction": "t"}).encode())  # noqa: S310
    with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - the local test Janus
        reply: dict[str, Any] = json.loads(answer.read())
    return reply


def _join(config: JanusConfig, room: str, token: str, join: str) -> dict[str, Any]:
    """Join a room as a browser would: a session with the signed token, then a VideoRoom join."""
    session = _post(config.url, {"janus": "create", "token": token})["data"]["id"]
    handle = _post(f"{config.url}/{session}", {"janus": "attach", "plugin": "janus.plugin.videoroom", "token": token})
    body = {"request": "join", "ptype": "publisher", "room": int(room), "token": join, "display": "test"}
    _post(f"{config.url}/{session}/{handle['data']['id']}", {"janus": "message", "body": body, "token": token})
    # A join is asynchronous: its answer is an event on the session's long poll.
    with urllib.request.urlopen(f"{config.url}/{session}?token={quote(token, safe='')}&maxev=1", timeout=10) as answer:  # noqa: S310
        event: dict[str, Any] = json.loads(answer.read())
    _post(f"{config.url}/{session}", {"janus": "destroy", "token": token})
    return event


def test_room_lifecycle(janus: JanusConfig) -> None:
    provider = media_provider()
    assert isinstance(provider, JanusProvider)
    room = provider.create_room(participants=("host", "employee"), description="Wijkbureau Noord")
    assert room.room_id and room.secret
    assert provider.room_exists(room)
    provider.destroy_room(room)
    assert not provider.room_exists(room)
    provider.destroy_room(room)  # destroying a room that is gone is fine


def test_only_allowed_participants_join(janus: JanusConfig) -> None:
    provider = media_provider()
    room = provider.create_room(participants=("host", "employee"))
    try:
        access = provider.participant_access(room, "host", "Wijkbureau Noord")
        config = access.as_client_config()
        assert config["room"] == room.room_id and config["server"] == janus.url
        assert room.secret not in json.dumps(config)  # the browser never gets the room secret
        joined = _join(janus, room.room_id, config["token"], config["joinToken"])
        assert joined["plugindata"]["data"]["videoroom"] == "joined"
        # A join token for a name the room does not know is refused; a third party can be allowed.
        guest = join_token(room, "guest-1")
        refused = _join(janus, room.room_id, config["token"], guest)
        assert refused.get("plugindata", {}).get("data", {}).get("error_code") == 433  # unauthorized
        provider.allow_participant(room, "guest-1")
        assert _join(janus, room.room_id, config["token"], guest)["plugindata"]["data"]["videoroom"] == "joined"
    finally:
        provider.destroy_room(room)


def test_browser_token_cannot_manage_rooms(janus: JanusConfig) -> None:
    """Without the API secret a request needs a valid signed token; an altered one is refused,
    and even a valid one cannot create a room (the VideoRoom admin key is the server's)."""
    valid = api_token(janus.token_auth_secret)
    altered = valid[:-4] + ("AAAA" if not valid.endswith("AAAA") else "BBBB")
    assert _post(janus.url, {"janus": "create"})["janus"] == "error"
    assert _post(janus.url, {"janus": "create", "token": altered})["janus"] == "error"
    expired = api_token(janus.token_auth_secret, seconds=-60)
    assert _post(janus.url, {"janus": "create", "token": expired})["janus"] == "error"
    session = _post(janus.url, {"janus": "create", "token": valid})["data"]["id"]
    handle = _post(f"{janus.url}/{session}", {"janus": "attach", "plugin": "janus.plugin.videoroom", "token": valid})
    body = {"request": "create", "secret": "mine"}
    reply = _post(f"{janus.url}/{session}/{handle['data']['id']}", {"janus": "message", "body": body, "token": valid})
    assert reply["plugindata"]["data"]["error_code"] == 403 or "error" in reply["plugindata"]["data"]


def test_wrong_secret_is_a_media_error(janus: JanusConfig) -> None:
    provider = JanusProvider(api_secret="wrong")
    with pytest.raises(MediaError, match="Janus refused"):
        provider.create_room(participants=("host",))
    provider = media_provider()
    room = provider.create_room(participants=("host",))
    try:
        with pytest.raises(MediaError):
            provider.destroy_room(Room(provider="janus", room_id=room.room_id, secret="not-the-secret"))
        assert provider.room_exists(room)
    finally:
        provider.destroy_room(room)


def test_unreachable_janus_is_a_media_error() -> None:
    provider = JanusProvider(url="http://127.0.0.1:9/janus", api_secret="x", admin_key="y", token_secret="z")
    with pytest.raises(MediaError, match="not reachable"):
        provider.create_room(participants=("host",))
