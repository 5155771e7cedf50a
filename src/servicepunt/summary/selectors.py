"""Wat hebben we afgesproken? What the resident takes home: per question their own words, what was
arranged in plain words, the next steps (where, phone, opening hours) and what to bring, in the
resident's language; and how to reach the Servicepunt. A fixed number of queries, whatever the
case holds.

The next steps are a list of `NextStep` items. The handovers give the first ones; other contexts
add theirs through `extra_steps` (appointments: date, time and place of a booked appointment).
A provider is a function `(case, language, today) -> Iterable[NextStep]` listed in
`STEP_PROVIDERS`; it lives here in `summary` (top floor), because the contexts below may not import it,
and it reads its rows in a fixed number of queries (`catalogue.places.entry_point_prefetches` helps).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from servicepunt.cases.closing import Resolution
from servicepunt.catalogue.choices import EntryChannel
from servicepunt.catalogue.localization import FALLBACK_LANGUAGE, localized_field
from servicepunt.catalogue.places import (
    entry_point_place,
    entry_point_prefetches,
    hours_lines,
)
from servicepunt.catalogue.selectors import product_contents, servicepunt_entry_points
from servicepunt.handovers.selectors import handovers_still_leading, sharing_for_case
from servicepunt.handovers.states import HandoverState
from servicepunt.summary.appointments import appointment_steps
from servicepunt.summary.items import (
    NextStep,
    ServicepuntContact,
    SharedLine,
    StepKind,
    SummarySection,
)

if TYPE_CHECKING:
    from servicepunt.cases.models import Case, Question
    from servicepunt.handovers.models import Handover

FINISHED = (Resolution.ANSWERED, Resolution.DECLINED)


StepProvider = Callable[["Case", str, dt.date], Iterable[NextStep]]
# Providers of extra next steps, called by the views.
STEP_PROVIDERS: tuple[StepProvider, ...] = (appointment_steps,)


def _arranged(resolution: str, handover: Handover | None, language: str) -> str:
    """What was arranged, in plain words for the resident."""
    organisation = localized_field(handover.organisation, "name", language) if handover else ""
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
    organisation = localized_field(handover.organisation, "name", language)
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
    handovers = handovers_still_leading(today=today)
    contents = product_contents(languages={language, FALLBACK_LANGUAGE})
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
        product=localized_field(question.product, "name", language) if question.product else "",
        about=content.summary if content else "",
        content_language=content.language if content else "",
        arranged=_arranged(question.resolution, handover, language),
        steps=_ordered(steps),
        what_to_bring=bring,
    )


def _servicepunt(language: str, today: dt.date) -> ServicepuntContact | None:
    entry_points = list(
        servicepunt_entry_points()
        .select_related("organisation", "location")
        .prefetch_related(*entry_point_prefetches(today=today))
    )
    if not entry_points:
        return None
    organisation = entry_points[0].organisation
    phone = next((ep for ep in entry_points if EntryChannel.TELEFOON in ep.channels and ep.phone), None)
    desk = next((ep for ep in entry_points if EntryChannel.BALIE in ep.channels and ep.location_id), None)
    return ServicepuntContact(
        phone=phone.phone if phone else organisation.phone,
        phone_hours=hours_lines(phone) if phone else (),
        desk=entry_point_place(desk, language) if desk else None,
        website=organisation.website,
    )


def _shared(case: Case, language: str, today: dt.date) -> list[SharedLine]:
    """With whom what was shared, in the resident's words (build inside translation.override)."""
    return [
        SharedLine(
            organisation=localized_field(item.organisation, "name", language),
            what=tuple(item.terms.labels),
            valid_until=item.terms.valid_until,
            withdrawn=item.terms.withdrawn,
            expired=item.terms.expired,
        )
        for item in sharing_for_case(case=case, today=today)
    ]


def case_summary(
    case: Case, language: str, *, today: dt.date | None = None, extra_steps: Iterable[NextStep] = ()
) -> dict[str, Any]:
    """Everything the summary shows, in `language` (see `resident_language`); `extra_steps` come
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
            "shared": _shared(case, language, today),
        }


def provided_steps(case: Case, language: str, today: dt.date) -> list[NextStep]:
    """The next steps of every provider in STEP_PROVIDERS, built in the summary's language."""
    with translation.override(language):
        return [step for provider in STEP_PROVIDERS for step in provider(case, language, today)]
