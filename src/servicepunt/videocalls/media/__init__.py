"""The media server behind a small interface, so a municipality can run another SFU: a provider
creates a room per call with its own secret, mints what each participant's browser needs to
join (server-side, never the room secret) and destroys the room afterwards. The provider in use
is named by the setting SERVICEPUNT_MEDIA_PROVIDER; the default is Janus (media/janus.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class MediaError(Exception):
    """The media server refused or could not be reached; the message names what failed."""


@dataclass(frozen=True)
class Room:
    """A room on the media server. `secret` stays on the server (it lets Django manage the room);
    browsers get a ParticipantAccess instead."""

    provider: str
    room_id: str
    secret: str


@dataclass(frozen=True)
class ParticipantAccess:
    """What one participant's browser needs to join one room, and nothing more."""

    provider: str
    server_url: str
    room_id: str
    participant: str
    display: str
    credentials: dict[str, Any] = field(default_factory=dict)

    def as_client_config(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "server": self.server_url,
            "room": self.room_id,
            "display": self.display,
            **self.credentials,
        }


class MediaProvider(Protocol):
    name: str

    def browser_origins(self) -> list[str]:
        """The origins a participant's browser connects to (the pages' CSP `connect-src`)."""

    def create_room(self, *, participants: tuple[str, ...], description: str = "", record: bool = False) -> Room:
        """A new room that only the named participants (e.g. "host", "employee") may join; it is
        recorded only when `record` (the setting SERVICEPUNT_VIDEO_RECORDING, shown to everyone)."""

    def allow_participant(self, room: Room, participant: str) -> None:
        """Let one more participant (a third party) join an existing room."""

    def participant_access(self, room: Room, participant: str, display: str) -> ParticipantAccess:
        """Mint the access of one allowed participant (short-lived)."""

    def destroy_room(self, room: Room) -> None:
        """Close the room; everyone in it is disconnected. Destroying a room that is gone is fine."""


@cache
def _provider(path: str) -> MediaProvider:
    provider: MediaProvider = import_string(path)()
    return provider


def media_provider() -> MediaProvider:
    return _provider(settings.SERVICEPUNT_MEDIA_PROVIDER)
