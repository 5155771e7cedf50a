"""Wat hebben we afgesproken? What the resident takes home: per question their own words, what was
arranged in plain words, the next steps (where, phone, opening hours) and what to bring, in the
resident's language; and how to reach the Servicepunt. A fixed number of queries, whatever the
case holds.

The next steps are a list of `NextStep` items. The handovers give the first ones; other contexts
add theirs through `extra_steps` (appointments: date, time and place of a booked appointment).
A provider is a function `(case, language, today) -> Iterable[NextStep]` listed in
`STEP_PROVIDERS`; it lives here in the workspace, because the contexts below may not import it,
and it reads its rows in a fixed number of queries (`entry_point_prefetches` helps with places).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from servicepunt.cases.closing import Resolution
from servicepunt.cases.models import Case, Question
from servicepunt.catalogue.models import Channel, EntryPoint, OpeningException, ProductContent
from servicepunt.catalogue.selectors import weekly_hours
from servicepunt.handovers.models import Handover
from servicepunt.handovers.states import HandoverState

FALLBACK_LANGUAGE = "nl"
# The Servicepunt itself is an organisation in the catalogue; its desk and phone line are printed
# as the contact line.
SERVICEPUNT_ORGANISATION = "servicepunt"
EXCEPTIONS_AHEAD = dt.timedelta(weeks=6)  # closed days printed: those of the coming six weeks
ALL_DAY = "00:00–24:00"
WEEK = 7
SHORTEST_RANGE = 3  # three days in a row or more read as "maandag tot en met woensdag"
# Handovers that still lead somewhere: not rejected (the question is open again) and not done.
ACTIVE_HANDOVER = (HandoverState.SENT, HandoverState.RECEIVED, HandoverState.ACCEPTED, HandoverState.PLANNED)
FINISHED = (Resolution.ANSWERED, Resolution.DECLINED)


class StepKind(StrEnum):
    CONTACT = "contact"  # an organisation will contact the resident (a handover)
    APPOINTMENT = "appointment"  # a booked appointment: date, time and place
    OTHER = "other"


@dataclass(frozen=True)
class HoursLine:
    days: str  # "Maandag tot en met vrijdag"
    hours: str  # "09:00–17:00"


@dataclass(frozen=True)
class DayException:
    date: dt.date
    closed: bool
    hours: str
    note: str


@dataclass(frozen=True)
class Place:
    """Where the resident goes or calls: an entry point (loket) of an organisation."""

    organisation: str
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    hours: tuple[HoursLine, ...] = ()
    exceptions: tuple[DayException, ...] = ()
    accessibility: str = ""


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


StepProvider = Callable[[Case, str, dt.date], Iterable[NextStep]]
# Providers of extra next steps (the appointments provider goes here), called by the views.
STEP_PROVIDERS: tuple[StepProvider, ...] = ()


def summary_languages() -> list[str]:
    """The languages a summary can be made in: those of the user interface."""
    return [code for code, _name in settings.LANGUAGES]


def summary_language(preferred: str | None) -> str:
    """The resident's language when we have it ("en-GB" counts as "en"), else Dutch."""
    code = (preferred or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in summary_languages() else FALLBACK_LANGUAGE


def _text(obj: Any, field: str, language: str) -> str:
    """`field` in `language` when filled (name_en), else the Dutch one (name or name_nl)."""
    if language != FALLBACK_LANGUAGE:
        translated = getattr(obj, f"{field}_{language}", "")
        if translated:
            return str(translated)
    return str(getattr(obj, field, "") or getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or "")


def _day_names(weekdays: list[int]) -> str:
    names = [str(WEEKDAYS[day]) for day in weekdays]
    if len(weekdays) == WEEK:
        return _("elke dag")
    if len(weekdays) >= SHORTEST_RANGE and weekdays == list(range(weekdays[0], weekdays[-1] + 1)):
        return _("%(first)s tot en met %(last)s") % {"first": names[0], "last": names[-1]}
    if len(names) == 1:
        return names[0]
    return _("%(days)s en %(last)s") % {"days": ", ".join(names[:-1]), "last": names[-1]}


def _hours_lines(entry_point: EntryPoint) -> tuple[HoursLine, ...]:
    """Days with the same hours together: "Maandag tot en met vrijdag: 09:00–17:00"."""
    groups: dict[str, list[int]] = {}
    for day in weekly_hours(entry_point):
        if day.intervals:
            groups.setdefault(", ".join(day.intervals), []).append(day.weekday)
    return tuple(
        HoursLine(days=capfirst(_day_names(days)), hours=_("24 uur per dag") if hours == ALL_DAY else hours)
        for hours, days in groups.items()
    )


def _exceptions(entry_point: EntryPoint, language: str) -> tuple[DayException, ...]:
    return tuple(
        DayException(
            date=exception.date,
            closed=exception.closed,
            hours=", ".join(interval.replace("-", "–") for interval in exception.hours),
            note=_text(exception, "note", language),
        )
        for exception in entry_point.opening_exceptions.all()
    )


def entry_point_prefetches(path: str = "", *, today: dt.date) -> list[Any]:
    """What `entry_point_place` reads, to prefetch on entry points or along `path` to them
    (e.g. "agenda__entry_point" from appointments)."""
    prefix = f"{path}__" if path else ""
    exceptions = OpeningException.objects.filter(date__gte=today, date__lte=today + EXCEPTIONS_AHEAD)
    return [f"{prefix}opening_hours", Prefetch(f"{prefix}opening_exceptions", queryset=exceptions.order_by("date"))]


def entry_point_place(entry_point: EntryPoint, language: str) -> Place:
    """The printable place of an entry point. Expects organisation and location selected and
    `entry_point_prefetches` prefetched, or it costs queries."""
    location = entry_point.location
    address = ", ".join(part for part in (location.name, location.address_line) if part) if location else ""
    accessibility = _text(entry_point, "accessibility", language)
    if not accessibility and location is not None:
        accessibility = _text(location, "accessibility", language)
    return Place(
        organisation=_text(entry_point.organisation, "name", language),
        name=_text(entry_point, "name", language),
        address=address,
        phone=entry_point.phone,
        email=entry_point.email,
        website=entry_point.website,
        hours=_hours_lines(entry_point),
        exceptions=_exceptions(entry_point, language),
        accessibility=accessibility,
    )


def _arranged(resolution: str, handover: Handover | None, language: str) -> str:
    """What was arranged, in plain words for the resident."""
    organisation = _text(handover.organisation, "name", language) if handover else ""
    if resolution == Resolution.ANSWERED:
        return _("Uw vraag is beantwoord.")
    if resolution == Resolution.DECLINED:
        return _("U wilt hier nu geen hulp bij. Wilt u later toch hulp? Dan bent u welkom.")
    if resolution == Resolution.BOOKED:
        if handover is not None and handover.state == HandoverState.PLANNED:
            return _("U heeft een afspraak bij %(organisation)s.") % {"organisation": organisation}
        return _("U heeft een afspraak.")
    if resolution == Resolution.PARTNER_ACCEPTED:
        if handover is None:
            return _("De organisatie neemt contact met u op.")
        return _("%(organisation)s neemt contact met u op.") % {"organisation": organisation}
    if handover is not None:
        return _("We hebben uw vraag doorgegeven aan %(organisation)s. Zij nemen contact met u op.") % {
            "organisation": organisation
        }
    return _("Dit is nog niet geregeld. Het Servicepunt helpt u verder.")


def _handover_step(handover: Handover, question: Question, language: str) -> NextStep:
    organisation = _text(handover.organisation, "name", language)
    if handover.state == HandoverState.PLANNED:
        text = _("Kunt u niet naar de afspraak? Neem dan contact op met %(organisation)s.")
    else:
        text = _("Hoort u niets? Neem dan zelf contact op met %(organisation)s.")
    return NextStep(
        text=text % {"organisation": organisation},
        kind=StepKind.CONTACT,
        question=question.uuid,
        place=entry_point_place(handover.entry_point, language),
    )


def _ordered(steps: Iterable[NextStep]) -> tuple[NextStep, ...]:
    """Dated steps first, by date; the others after them in the order given."""
    undated = dt.datetime.min.replace(tzinfo=dt.UTC)
    return tuple(sorted(steps, key=lambda step: (step.starts_at is None, step.starts_at or undated)))


def _questions(case: Case, language: str, today: dt.date) -> list[Question]:
    handovers = (
        Handover.objects.filter(state__in=ACTIVE_HANDOVER)
        .select_related("organisation", "entry_point__organisation", "entry_point__location")
        .prefetch_related(*entry_point_prefetches("entry_point", today=today))
        .order_by("-created_at", "-id")
    )
    contents = ProductContent.objects.filter(language__in={language, FALLBACK_LANGUAGE})
    return list(
        case.questions.select_related("product")
        .prefetch_related(
            Prefetch("product__contents", queryset=contents),
            Prefetch("handovers", queryset=handovers, to_attr="active_handovers"),
        )
        .order_by("created_at", "id")
    )


def _section(number: int, question: Question, steps: list[NextStep], language: str) -> SummarySection:
    active: list[Handover] = getattr(question, "active_handovers", [])
    handover = active[0] if active else None
    finished = question.resolution in FINISHED
    if handover is not None and not finished:
        steps = [_handover_step(handover, question, language), *steps]
    content = None
    if question.product is not None:
        by_language = {c.language: c for c in question.product.contents.all()}
        content = by_language.get(language) or by_language.get(FALLBACK_LANGUAGE)
    bring = tuple(str(item) for item in content.what_to_bring) if content and (steps or not finished) else ()
    return SummarySection(
        heading=_("Vraag %(number)s") % {"number": number},
        words=question.text,
        product=_text(question.product, "name", language) if question.product else "",
        about=content.summary if content else "",
        content_language=content.language if content else "",
        arranged=_arranged(question.resolution, handover, language),
        steps=_ordered(steps),
        what_to_bring=bring,
    )


def _servicepunt(language: str, today: dt.date) -> ServicepuntContact | None:
    entry_points = list(
        EntryPoint.objects.filter(organisation__code=SERVICEPUNT_ORGANISATION, active=True)
        .select_related("organisation", "location")
        .prefetch_related(*entry_point_prefetches(today=today))
    )
    if not entry_points:
        return None
    organisation = entry_points[0].organisation
    phone = next((ep for ep in entry_points if Channel.TELEFOON in ep.channels and ep.phone), None)
    desk = next((ep for ep in entry_points if Channel.BALIE in ep.channels and ep.location_id), None)
    return ServicepuntContact(
        phone=phone.phone if phone else organisation.phone,
        phone_hours=_hours_lines(phone) if phone else (),
        desk=entry_point_place(desk, language) if desk else None,
        website=organisation.website,
    )


def case_summary(
    case: Case, language: str, *, today: dt.date | None = None, extra_steps: Iterable[NextStep] = ()
) -> dict[str, Any]:
    """Everything the summary shows, in `language` (see `summary_language`); `extra_steps` come
    from other contexts (appointments). The case must have its resident selected."""
    today = today or timezone.localdate()
    with translation.override(language):
        questions = _questions(case, language, today)
        by_question: dict[uuid.UUID | None, list[NextStep]] = {q.uuid: [] for q in questions}
        loose: list[NextStep] = []
        for step in extra_steps:
            by_question.get(step.question, loose).append(step)
        sections = [
            _section(number, question, by_question[question.uuid], language)
            for number, question in enumerate(questions, start=1)
        ]
        if loose:
            sections.append(SummarySection(heading=_("Ook afgesproken"), steps=_ordered(loose)))
        return {
            "language": language,
            "direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
            "resident_name": case.resident.full_name,
            "made_on": today,
            "sections": sections,
            "servicepunt": _servicepunt(language, today),
        }


def provided_steps(case: Case, language: str, today: dt.date) -> list[NextStep]:
    """The next steps of every provider in STEP_PROVIDERS, built in the summary's language."""
    with translation.override(language):
        return [step for provider in STEP_PROVIDERS for step in provider(case, language, today)]
