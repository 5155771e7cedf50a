"""The appointments' next steps on "Wat hebben we afgesproken?": when, where, how, and the video
link. One query plus prefetches, whatever the case holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from servicepunt.appointments.choices import ModeChoice
from servicepunt.appointments.selectors import appointments_for_case
from servicepunt.catalogue.localization import localized_field
from servicepunt.catalogue.places import entry_point_place, entry_point_prefetches
from servicepunt.summary.items import NextStep, StepKind

if TYPE_CHECKING:
    from servicepunt.cases.models import Case


def appointment_steps(case: Case, language: str, today: dt.date) -> Iterable[NextStep]:
    appointments = appointments_for_case(case=case).prefetch_related(
        *entry_point_prefetches("agenda__entry_point", today=today)
    )
    for appointment in appointments:
        entry_point = appointment.agenda.entry_point
        organisation = localized_field(entry_point.organisation, "name", language)
        yield NextStep(
            text=_("U heeft een afspraak bij %(organisation)s.") % {"organisation": organisation},
            kind=StepKind.APPOINTMENT,
            question=appointment.question.uuid if appointment.question else None,
            place=None if appointment.mode == ModeChoice.VIDEO else entry_point_place(entry_point, language),
            starts_at=appointment.start,
            ends_at=appointment.end,
            detail=str(ModeChoice(appointment.mode).label),
            link=appointment.meeting_url,
        )
