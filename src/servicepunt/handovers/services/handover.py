"""The closed loop: concept → verstuurd → ontvangen → geaccepteerd | afgewezen → afspraak gepland →
afgerond. Accepting resolves the question (the partner books); rejecting reopens it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol

import structlog
from django.db import transaction
from django.utils.translation import gettext as _

from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import question_reopen, question_resolve
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.validation import text_checked
from servicepunt.handovers.categories import Category
from servicepunt.handovers.choices import Outcome, RejectionReason
from servicepunt.handovers.facts import facts_of_domains, zrm_scores_of
from servicepunt.handovers.models import Consent, Handover, HandoverTransition
from servicepunt.handovers.services.consent import consent_record
from servicepunt.handovers.states import RESOLVES, HandoverState, may_move

if TYPE_CHECKING:
    from collections.abc import Iterable

    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question
    from servicepunt.catalogue.models import EntryPoint

log = structlog.get_logger(__name__)


class HandoverError(ServicepuntError):
    status = 409
    code = "handover-state"


NOTE_LENGTH = 300  # HandoverTransition.note, Handover.outcome_note


def _move(handover: Handover, target: HandoverState, by: User, note: str = "") -> Handover:
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    current = HandoverState(handover.state)
    if not may_move(current, target):
        raise HandoverError(
            _("Van ‘%(from)s’ kan deze overdracht niet naar ‘%(to)s’.") % {"from": current.value, "to": target.value},
            field="state",
        )
    handover.state = target.value
    handover.save(update_fields=["state"])
    HandoverTransition.objects.create(
        handover=handover, from_state=current.value, to_state=target.value, by=by, note=note
    )
    log.info("handover_moved", handover=str(handover.uuid), to=target.value)
    return handover


def _partner_may_act(handover: Handover, user: User) -> None:
    if getattr(user, "organisation_id", None) not in (None, handover.organisation_id):
        raise HandoverError(_("Deze overdracht is voor een andere organisatie."), field="organisation")


class ContactWishes(Protocol):
    """How a resident wants to be reached (a `Resident`, or the seeding's values of one)."""

    @property
    def contact_preference(self) -> str: ...
    @property
    def preferred_language(self) -> str: ...
    @property
    def needs_interpreter(self) -> bool: ...
    @property
    def reads_with_difficulty(self) -> bool: ...


def communication_kept(resident: ContactWishes, categories: Iterable[str]) -> dict[str, Any]:
    """How to reach and talk with the resident, as a handover keeps it: only when its consent
    shares the communication category (data minimisation: what may not be shown is not stored)."""
    if Category.COMMUNICATION not in set(categories):
        return {}
    return {
        "preference": resident.contact_preference,
        "language": resident.preferred_language,
        "interpreter": resident.needs_interpreter,
        "reads_with_difficulty": resident.reads_with_difficulty,
    }


@transaction.atomic
def handover_create(
    *,
    question: Question,
    entry_point: EntryPoint,
    consent: Consent,
    summary: str,
    created_by: User,
    facts: dict[str, Any] | None = None,
    zrm_scores: dict[str, int] | None = None,
) -> Handover:
    if (
        not consent.active
        or consent.organisation_id != entry_point.organisation_id
        or consent.resident_id != question.case.resident_id
        or consent.question_id not in (None, question.pk)
        or Handover.objects.filter(consent=consent).exists()
    ):
        raise InvalidInput(_("Leg eerst toestemming vast om met deze organisatie te delen."), field="consent")
    summary = text_checked(
        summary, field="summary", max_length=4000, required=_("Schrijf een samenvatting in de woorden van de inwoner.")
    )
    resident = question.case.resident
    handover = Handover.objects.create(
        question=question,
        entry_point=entry_point,
        organisation_id=entry_point.organisation_id,
        consent=consent,
        summary=summary,
        facts=facts or {},
        zrm_scores=zrm_scores or {},
        created_by=created_by,
        contact=communication_kept(resident, consent.categories),
    )
    log.info("handover_created", handover=str(handover.uuid))
    return handover


@transaction.atomic
def handover_send(*, handover: Handover, by: User) -> Handover:
    return _move(handover, HandoverState.SENT, by)


@transaction.atomic
def handover_receive(*, handover: Handover, by: User) -> Handover:
    _partner_may_act(handover, by)
    return _move(handover, HandoverState.RECEIVED, by)


@transaction.atomic
def handover_accept(*, handover: Handover, by: User) -> Handover:
    _partner_may_act(handover, by)
    handover = _move(handover, HandoverState.ACCEPTED, by)
    question_resolve(
        question=handover.question,
        resolution=RESOLVES[HandoverState.ACCEPTED],
        by=by,
        detail=f"geaccepteerd door {handover.organisation.name}",
    )
    return handover


@transaction.atomic
def handover_reject(*, handover: Handover, by: User, reason: str, note: str = "") -> Handover:
    _partner_may_act(handover, by)
    if reason not in RejectionReason.values:
        raise InvalidInput(_("Kies een reden van afwijzen."), field="reason")
    handover = _move(handover, HandoverState.REJECTED, by, note)
    handover.rejection_reason = reason
    handover.save(update_fields=["rejection_reason"])
    question_reopen(question=handover.question, by=by, reason=f"overdracht afgewezen: {reason}")  # states.REOPENS
    return handover


@transaction.atomic
def handover_plan(*, handover: Handover, by: User, note: str = "") -> Handover:
    _partner_may_act(handover, by)
    handover = _move(handover, HandoverState.PLANNED, by, note)
    question_resolve(
        question=handover.question, resolution=RESOLVES[HandoverState.PLANNED], by=by, detail=note or "afspraak gepland"
    )
    return handover


@transaction.atomic
def handover_complete(*, handover: Handover, by: User, outcome: str, note: str = "") -> Handover:
    _partner_may_act(handover, by)
    if outcome not in Outcome.values:
        raise InvalidInput(_("Kies geholpen of niet geholpen."), field="outcome")
    if outcome == Outcome.NOT_HELPED and not note.strip():
        raise InvalidInput(_("Schrijf op waarom de inwoner niet geholpen is."), field="note")
    handover = _move(handover, HandoverState.COMPLETED, by, note)
    handover.outcome, handover.outcome_note = outcome, note.strip()
    handover.save(update_fields=["outcome", "outcome_note"])
    return handover


@transaction.atomic
def handover_start(
    *,
    question: Question,
    entry_point: EntryPoint,
    shared: Iterable[str],
    consent_method: str,
    valid_until: dt.date | None,
    summary: str,
    by: User,
    consent_note: str = "",
) -> Handover:
    """The counter's one action: record this handover's own consent (never an older one), create
    the handover with the infoflits answers of the consented life domains, and send it. All or nothing."""
    if question.resolution != Resolution.OPEN:
        raise InvalidInput(_("Deze vraag is al afgehandeld."), field="question")
    consent = consent_record(
        resident=question.case.resident,
        organisation=entry_point.organisation,
        question=question,
        shared=shared,
        method=consent_method,
        valid_until=valid_until,
        note=consent_note,
        recorded_by=by,
    )
    handover = handover_create(
        question=question,
        entry_point=entry_point,
        consent=consent,
        summary=summary,
        created_by=by,
        facts=facts_of_domains(question, consent.infoflits_domains),
        zrm_scores=zrm_scores_of(question) if Category.ZRM in consent.categories else {},
    )
    return handover_send(handover=handover, by=by)


def handover_act(
    *, handover: Handover, action: str, by: User, reason: str = "", outcome: str = "", note: str = ""
) -> Handover:
    """One of the partner's actions by name, for the fronts (page and API) that receive it as input."""
    note = text_checked(note, field="note", max_length=NOTE_LENGTH)
    if action == "accept":
        return handover_accept(handover=handover, by=by)
    if action == "reject":
        return handover_reject(handover=handover, by=by, reason=reason, note=note)
    if action == "plan":
        return handover_plan(handover=handover, by=by, note=note)
    if action == "complete":
        return handover_complete(handover=handover, by=by, outcome=outcome, note=note)
    raise InvalidInput(_("Kies accepteren, afwijzen, plannen of afronden."), field="action")
