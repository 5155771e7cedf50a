"""Janus WebRTC Server (VideoRoom plugin) over its HTTP API. Django talks to Janus with the API
secret and the plugin's admin key (only they may create rooms); a browser gets a signed token
for the Janus API (token_auth: expiry, realm and plugin, HMAC-SHA1) and the room's join token
for its own participant name, derived from the room secret so no token needs storing."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from servicepunt.videocalls.media import MediaError, ParticipantAccess, Room

PLUGIN = "janus.plugin.videoroom"
TOKEN_SECONDS = 4 * 3600  # how long a browser's Janus API token holds: longer than any call


def api_token(secret: str, *, now: float | None = None, seconds: int = TOKEN_SECONDS) -> str:
    """A Janus signed token (token_auth_secret) that allows the VideoRoom plugin only."""
    expiry = int((now if now is not None else time.time()) + seconds)
    data = f"{expiry},janus,{PLUGIN}"
    signature = base64.b64encode(hmac.new(secret.encode(), data.encode(), hashlib.sha1).digest()).decode()
    return f"{data}:{signature}"


def join_token(room: Room, participant: str) -> str:
    """The VideoRoom `allowed` token of one participant of one room."""
    return hmac.new(room.secret.encode(), f"join:{participant}".encode(), hashlib.sha256).hexdigest()


class JanusProvider:
    name = "janus"

    def __init__(
        self,
        url: str | None = None,
        *,
        public_url: str | None = None,
        api_secret: str | None = None,
        admin_key: str | None = None,
        token_secret: str | None = None,
        timeout: float = 5.0,
    ) -> None:
        self.url = (url or settings.SERVICEPUNT_JANUS_URL).rstrip("/")
        self.public_url = (public_url or settings.SERVICEPUNT_JANUS_PUBLIC_URL or self.url).rstrip("/")
        self.api_secret = api_secret or settings.SERVICEPUNT_JANUS_API_SECRET
        self.admin_key = admin_key or settings.SERVICEPUNT_JANUS_ADMIN_SECRET
        self.token_secret = token_secret or settings.SERVICEPUNT_JANUS_TOKEN_SECRET
        self.timeout = timeout

    def browser_origins(self) -> list[str]:
        address = urlsplit(self.public_url)
        return [f"{address.scheme}://{address.netloc}"]

    # -- the Janus API ---------------------------------------------------------------------------
    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        body = {**payload, "transaction": secrets.token_hex(8), "apisecret": self.api_secret}
        request = urllib.request.Request(  # noqa: S310 - the configured Janus URL
            self.url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                reply: dict[str, Any] = json.loads(answer.read())
        except (OSError, ValueError) as exc:
            raise MediaError(f"Janus is not reachable ({exc.__class__.__name__}).") from exc
        if reply.get("janus") == "error":
            raise MediaError(f"Janus refused: {reply.get('error', {}).get('reason', 'unknown')}")
        return reply

    def _videoroom(self, body: dict[str, Any]) -> dict[str, Any]:
        """One synchronous VideoRoom request in a short-lived session of its own."""
        session = self._post("", {"janus": "create"})["data"]["id"]
        try:
            handle = self._post(f"/{session}", {"janus": "attach", "plugin": PLUGIN})["data"]["id"]
            reply = self._post(f"/{session}/{handle}", {"janus": "message", "body": body})
        finally:
            with contextlib.suppress(MediaError):  # else the session times out on its own
                self._post(f"/{session}", {"janus": "destroy"})
        data: dict[str, Any] = reply.get("plugindata", {}).get("data", {})
        if "error" in data:
            raise MediaError(f"Janus VideoRoom refused: {data['error']} (code {data.get('error_code')})")
        return data

    # -- MediaProvider ---------------------------------------------------------------------------
    def create_room(self, *, participants: tuple[str, ...], description: str = "", record: bool = False) -> Room:
        secret = secrets.token_urlsafe(24)
        provisional = Room(provider=self.name, room_id="", secret=secret)
        data = self._videoroom(
            {
                "request": "create",
                "admin_key": self.admin_key,
                "secret": secret,
                "description": description[:60] or "Servicepunt",
                "is_private": True,
                "permanent": False,
                "record": record,
                **({"rec_dir": str(settings.SERVICEPUNT_VIDEO_RECORDING_DIR)} if record else {}),
                "publishers": 6,
                "allowed": [join_token(provisional, name) for name in participants],
            }
        )
        return Room(provider=self.name, room_id=str(data["room"]), secret=secret)

    def allow_participant(self, room: Room, participant: str) -> None:
        self._videoroom(
            {
                "request": "allowed",
                "room": int(room.room_id),
                "secret": room.secret,
                "action": "add",
                "allowed": [join_token(room, participant)],
            }
        )

    def participant_access(self, room: Room, participant: str, display: str) -> ParticipantAccess:
        return ParticipantAccess(
            provider=self.name,
            server_url=self.public_url,
            room_id=room.room_id,
            participant=participant,
            display=display,
            credentials={"token": api_token(self.token_secret), "joinToken": join_token(room, participant)},
        )

    def destroy_room(self, room: Room) -> None:
        try:
            self._videoroom({"request": "destroy", "room": int(room.room_id), "secret": room.secret})
        except MediaError as exc:
            if "(code 426)" not in str(exc):  # 426: no such room, it is gone already
                raise

    def room_exists(self, room: Room) -> bool:
        return bool(self._videoroom({"request": "exists", "room": int(room.room_id)}).get("exists"))

    def participants(self, room: Room) -> list[dict[str, Any]]:
        data = self._videoroom({"request": "listparticipants", "room": int(room.room_id)})
        return list(data.get("participants", []))
