"""What a summary is made of: sections per question and next steps (with the printable places of
`catalogue.places`). Plain data, so other contexts' steps (appointments) can be added without
knowing the templates."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

from servicepunt.catalogue.places import HoursLine, Place


class StepKind(StrEnum):
    CONTACT = "contact"  # an organisation will contact the resident (a handover)
    APPOINTMENT = "appointment"  # a booked appointment: date, time and place
    OTHER = "other"


@dataclass(frozen=True)
class NextStep:
    """One thing that happens next. `question` (a question's uuid) puts it under that question;
    None, or a uuid not in the case, under "Ook afgesproken". Dated steps come first, by date.
    Texts are already in the summary's language: build steps inside `translation.override`."""

    text: str  # one short B1 sentence
    kind: str = StepKind.OTHER
    question: uuid.UUID | None = None
    place: Place | None = None
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    detail: str = ""  # e.g. "Via videobellen"
    link: str = ""  # e.g. the video link


@dataclass(frozen=True)
class SummarySection:
    """One question of the resident (or, without words, the steps that belong to no question)."""

    heading: str
    words: str = ""  # the resident's question in their own words
    product: str = ""
    about: str = ""  # the product in one sentence
    content_language: str = ""  # language of `about` and `what_to_bring`: Dutch when untranslated
    arranged: str = ""
    steps: tuple[NextStep, ...] = ()
    what_to_bring: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServicepuntContact:
    phone: str = ""
    phone_hours: tuple[HoursLine, ...] = ()
    desk: Place | None = None
    website: str = ""


@dataclass(frozen=True)
class SharedLine:
    """What the resident agreed to share with one organisation, in plain words."""

    organisation: str
    what: tuple[str, ...]
    valid_until: dt.date
    withdrawn: bool = False
    expired: bool = False
