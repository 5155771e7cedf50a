"""One place for the words: why a slot or combination cannot be booked, in Dutch B1, naming
the field. A slot that was free but is taken now is a conflict (409), the rest is bad input."""

from __future__ import annotations

import datetime as dt
from typing import NoReturn

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from servicepunt.appointments.engine import AgendaSpec, Finding, OptionProblem, SlotProblem
from servicepunt.core.errors import InvalidInput, ServicepuntError


class SlotUnavailable(ServicepuntError):
    """The time was free when it was shown, but is booked now. Choose another time."""

    status = 409
    code = "slot-unavailable"


class QuestionAlreadyBooked(ServicepuntError):
    """The question has an active appointment already (another tab, or the back button after
    booking). Move or cancel that one instead."""

    status = 409
    code = "question-already-booked"


def question_already_booked(when: dt.datetime, agenda: str, *, field: str = "question") -> QuestionAlreadyBooked:
    return QuestionAlreadyBooked(
        _(
            "Voor deze vraag is al een afspraak gemaakt: %(when)s bij %(agenda)s. "
            "Verzet of annuleer die afspraak als het anders moet."
        )
        % {"when": _when(when), "agenda": agenda},
        field=field,
    )


def _when(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _message(problem: SlotProblem | OptionProblem, spec: AgendaSpec | None, now: dt.datetime, gap: int) -> str:
    texts = {
        SlotProblem.NOT_OFFERED: _("Deze agenda heeft geen afspraken voor dit product. Kies een andere agenda."),
        SlotProblem.MODE: _("Deze agenda heeft geen afspraken op deze manier. Kies een andere manier of agenda."),
        SlotProblem.CLOSED: _("Op deze tijd kan geen afspraak beginnen. Kies een tijd uit de lijst met vrije tijden."),
        SlotProblem.DURATION: _("Deze afspraak is korter dan dit product duurt. Kies een tijd uit de lijst."),
        SlotProblem.FULL: _("Deze tijd is net door iemand anders geboekt. Kies een andere tijd."),
        OptionProblem.TOO_FEW: _("Een combinatieafspraak heeft minstens twee afspraken."),
        OptionProblem.SAME_AGENDA: _("Kies voor elke afspraak in de combinatie een andere agenda."),
        OptionProblem.SAME_PRODUCT: _("Kies elk product maar één keer in de combinatie."),
        OptionProblem.BUILDING: _("Afspraken op locatie in een combinatie moeten in hetzelfde gebouw zijn."),
        OptionProblem.GAP: _("Tussen twee afspraken mag hoogstens %(minutes)s minuten zitten.") % {"minutes": gap},
        OptionProblem.DURATION: _(
            "Deze afspraak is korter of langer dan het product duurt. Kies een tijd uit de lijst."
        ),
        OptionProblem.NOT_TOGETHER: _("Bij een gezamenlijke afspraak beginnen alle delen op dezelfde tijd."),
    }
    if problem == SlotProblem.TOO_SOON and spec is not None:
        earliest = now + dt.timedelta(minutes=spec.lead_minutes)
        return _("Deze tijd is te snel. Kies een tijd vanaf %(when)s.") % {"when": _when(earliest)}
    if problem == SlotProblem.TOO_FAR and spec is not None:
        return _("Zo ver vooruit kan nog geen afspraak. Kies een tijd binnen %(days)s dagen.") % {
            "days": spec.horizon_days
        }
    return texts.get(problem, _("Deze afspraak kan niet. Kies een tijd uit de lijst met vrije tijden."))


def _field(problem: SlotProblem | OptionProblem) -> str:
    if problem in (SlotProblem.NOT_OFFERED, SlotProblem.MODE):
        return "product" if problem == SlotProblem.NOT_OFFERED else "mode"
    if problem in (OptionProblem.GAP, OptionProblem.DURATION) or isinstance(problem, SlotProblem):
        return "start"
    return "parts"


def raise_for(finding: Finding, *, spec: AgendaSpec | None, now: dt.datetime, gap_minutes: int = 0) -> NoReturn:
    """Raise the error for `finding`; a problem with one part of a combination names that part,
    e.g. parts[1].start."""
    message = _message(finding.problem, spec, now, gap_minutes)
    field = _field(finding.problem)
    if finding.part is not None:
        field = f"parts[{finding.part}].{field}"
    if finding.problem == SlotProblem.FULL:
        raise SlotUnavailable(message, field=field)
    raise InvalidInput(message, field=field)
