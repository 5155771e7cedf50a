"""The SMS provider of the test preset: it "delivers" by keeping each message in a list that the
`sms_outbox` fixture empties and hands to the test (the logging backend keeps nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Sms:
    to: str
    text: str


class RecordingSmsBackend:
    delivers: ClassVar[bool] = True
    outbox: ClassVar[list[Sms]] = []

    def send(self, *, to: str, text: str) -> None:
        self.outbox.append(Sms(to=to, text=text))
