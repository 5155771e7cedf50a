"""The closing rule of the Servicepunt, as a pure function: a case may only be closed when every
question is (a) handed over with a booked first appointment, (b) answered at the counter,
(c) declined by the resident, or (d) accepted by a partner who takes over the booking."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Resolution(StrEnum):
    OPEN = "open"
    BOOKED = "booked"  # (a) first appointment booked at an entry point offering the product
    ANSWERED = "answered"  # (b) answered directly at the counter
    DECLINED = "declined"  # (c) declined by the resident
    PARTNER_ACCEPTED = "partner_accepted"  # (d) a partner accepted and books itself


RESOLVED = frozenset({Resolution.BOOKED, Resolution.ANSWERED, Resolution.DECLINED, Resolution.PARTNER_ACCEPTED})


@dataclass(frozen=True)
class QuestionState:
    reference: str  # what the refusal names: the resident's words, shortened
    resolution: Resolution


def open_questions(questions: Iterable[QuestionState]) -> list[QuestionState]:
    return [q for q in questions if q.resolution not in RESOLVED]


def may_close(questions: Iterable[QuestionState]) -> bool:
    listed = list(questions)
    return bool(listed) and not open_questions(listed)
