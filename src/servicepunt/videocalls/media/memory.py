"""A media provider that keeps its rooms in memory: for tests of the pages that need no media
(the test preset's default; the Janus tests and the browser test use the real Janus)."""

from __future__ import annotations

import itertools
import secrets

from servicepunt.videocalls.media import MediaError, ParticipantAccess, Room

_ids = itertools.count(1)


class MemoryProvider:
    name = "memory"
    rooms: dict[str, set[str]] = {}
    recorded: set[str] = set()  # the rooms that would be recorded

    def browser_origins(self) -> list[str]:
        return []

    def create_room(self, *, participants: tuple[str, ...], description: str = "", record: bool = False) -> Room:
        room = Room(provider=self.name, room_id=str(next(_ids)), secret=secrets.token_urlsafe(16))
        self.rooms[room.room_id] = set(participants)
        if record:
            self.recorded.add(room.room_id)
        return room

    def allow_participant(self, room: Room, participant: str) -> None:
        if room.room_id not in self.rooms:
            raise MediaError("no such room")
        self.rooms[room.room_id].add(participant)

    def participant_access(self, room: Room, participant: str, display: str) -> ParticipantAccess:
        if participant not in self.rooms.get(room.room_id, set()):
            raise MediaError("not allowed in this room")
        return ParticipantAccess(
            provider=self.name, server_url="", room_id=room.room_id, participant=participant, display=display
        )

    def destroy_room(self, room: Room) -> None:
        self.rooms.pop(room.room_id, None)
