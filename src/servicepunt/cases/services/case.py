"""Cases (vraagstukken): open, add questions, resolve or reopen a question, close under the
closing rule, reopen. Every change is written to the case's timeline in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from servicepunt.cases.choices import CaseStatus, ClosingReason, EventKind
from servicepunt.cases.closing import RESOLVED, QuestionState, Resolution, open_questions
from servicepunt.cases.models import RESOLUTION_EVENTS, Case, Question, Resident
from servicepunt.cases.services.common import case_locked, case_locked_open, event_record
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.validation import text_checked

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

log = structlog.get_logger(__name__)
REFERENCE_LENGTH = 60


class QuestionNotBookable(ServicepuntError):
    """The question was answered at the counter or declined by the resident: an appointment for
    it would count for nothing and could reopen what the resident said no to."""

    status = 409
    code = "question-not-bookable"


NOT_BOOKABLE = {
    Resolution.ANSWERED: gettext_lazy(
        "Deze vraag is al direct beantwoord. Wil de inwoner toch een afspraak? Open de vraag dan eerst opnieuw."
    ),
    Resolution.DECLINED: gettext_lazy(
        "De inwoner ziet af van deze vraag. Wil de inwoner toch een afspraak? Open de vraag dan eerst opnieuw."
    ),
}


class CaseNotClosable(ServicepuntError):
    """The refusal names the questions still open."""

    status = 409
    code = "case-not-closable"

    def __init__(self, open_texts: Sequence[str]) -> None:
        listed = "; ".join(f"‘{text}’" for text in open_texts)
        super().__init__(
            _("Dit vraagstuk kan nog niet dicht. Nog open: %(questions)s") % {"questions": listed}, field="questions"
        )
        self.open_texts = list(open_texts)


def _reference(question: Question) -> str:
    text = " ".join(question.text.split())
    return text if len(text) <= REFERENCE_LENGTH else text[: REFERENCE_LENGTH - 1] + "…"


def case_status_for(current: str, resolutions: Collection[str]) -> str:
    """The status rule: 'in behandeling' once any question is handled; 'wacht op afspraak' when
    everything is handled and a partner still has to book. A closed case stays closed. Pure, so
    the bulk path for demo data follows the same rule (`cases.seeding`)."""
    if current == CaseStatus.CLOSED:
        return CaseStatus.CLOSED
    found = set(resolutions)
    if found and found <= RESOLVED and Resolution.PARTNER_ACCEPTED in found:
        return CaseStatus.AWAITING_APPOINTMENT
    if found - {Resolution.OPEN} or current != CaseStatus.OPEN:
        return CaseStatus.IN_PROGRESS
    return CaseStatus.OPEN


def _refresh_status(case: Case) -> None:
    status = case_status_for(case.status, list(case.questions.values_list("resolution", flat=True)))
    if status != case.status:
        case.status = status
        case.save(update_fields=["status"])


QUESTION_LENGTH = 2000  # a question in the resident's own words
REASON_LENGTH = 300  # CaseEvent.detail: reasons and notes that go on the timeline


@transaction.atomic
def case_open(*, resident: Resident, opened_by: User, questions: Sequence[str]) -> Case:
    texts = [text.strip() for text in questions if text.strip()]
    if not texts:
        raise InvalidInput(_("Schrijf minstens één vraag op, in de woorden van de inwoner."), field="questions")
    case = Case.objects.create(resident=resident, opened_by=opened_by)
    event_record(case, opened_by, EventKind.CASE_OPENED)
    for text in texts:
        Question.objects.create(case=case, text=text)
        event_record(case, opened_by, EventKind.QUESTION_ADDED, text)
    log.info("case_opened", case=str(case.uuid), questions=len(texts))
    return case


@transaction.atomic
def question_add(*, case: Case, text: str, by: User) -> Question:
    text = text_checked(text, field="text", max_length=QUESTION_LENGTH, required=_("Schrijf de vraag op."))
    case = case_locked_open(case)
    question = Question.objects.create(case=case, text=text)
    event_record(case, by, EventKind.QUESTION_ADDED, question.text)
    _refresh_status(case)
    return question


# A context above cases that holds something open on a question (appointments: a planned
# appointment) registers a guard here, since cases may not import it. Each guard runs under the
# case lock before a question is marked answered or declined, and raises to refuse.
ResolutionGuard = Callable[[Question, Resolution], None]
_resolution_guards: list[ResolutionGuard] = []
GUARDED_RESOLUTIONS = frozenset({Resolution.ANSWERED, Resolution.DECLINED})


def question_resolution_guard_register(guard: ResolutionGuard) -> None:
    if guard not in _resolution_guards:
        _resolution_guards.append(guard)


@transaction.atomic
def question_resolve(*, question: Question, resolution: Resolution, by: User, detail: str = "") -> Question:
    """Mark how a question is handled. Handovers and appointments call this for (a) and (d)."""
    if resolution == Resolution.OPEN:
        raise InvalidInput(_("Gebruik ‘opnieuw openen’ om een vraag te heropenen."), field="resolution")
    detail = text_checked(detail, field="detail", max_length=REASON_LENGTH)
    case = case_locked_open(question.case)
    if resolution in GUARDED_RESOLUTIONS:
        for guard in _resolution_guards:
            guard(question, resolution)
    question.resolution = resolution
    question.save(update_fields=["resolution"])
    event_record(case, by, RESOLUTION_EVENTS[resolution.value], detail or question.text)
    _refresh_status(case)
    return question


def question_bookable_check(question: Question) -> None:
    """Refuse to book a question that was answered or declined (the booking page shows the same
    words before anyone tries)."""
    refusal = NOT_BOOKABLE.get(Resolution(question.resolution))
    if refusal is not None:
        raise QuestionNotBookable(str(refusal), field="question")


@transaction.atomic
def question_lock_for_booking(*, question: Question) -> Question:
    """The question as it is now, locked until the booking transaction ends, after its case (the
    order every case service locks in), so a concurrent "answered" or "declined" cannot slip in
    between the check and the booking. Refused when the case is closed or the question cannot be
    booked."""
    case_locked_open(question.case)
    locked = Question.objects.select_for_update().select_related("case").get(pk=question.pk)
    question_bookable_check(locked)
    return locked


@transaction.atomic
def case_overlap_confirm(*, case: Case, by: User, detail: str) -> None:
    """On the timeline: the employee confirmed an appointment that overlaps another appointment of
    the resident (who and when are the event's)."""
    detail = text_checked(detail, field="detail", max_length=REASON_LENGTH)
    event_record(case, by, EventKind.APPOINTMENT_OVERLAP_CONFIRMED, detail)


@transaction.atomic
def question_reopen(*, question: Question, by: User, reason: str) -> Question:
    """A rejected handover or a cancelled appointment reopens the question (and a closed case)."""
    reason = text_checked(reason, field="reason", max_length=REASON_LENGTH)
    case = case_locked(question.case)
    question.resolution = Resolution.OPEN
    question.save(update_fields=["resolution"])
    if case.status == CaseStatus.CLOSED:
        case.status, case.closed_at, case.closing_reason = CaseStatus.IN_PROGRESS, None, ""
        case.save(update_fields=["status", "closed_at", "closing_reason"])
        event_record(case, by, EventKind.CASE_REOPENED, reason)
    event_record(case, by, EventKind.QUESTION_REOPENED, reason)
    _refresh_status(case)
    return question


@transaction.atomic
def case_close(*, case: Case, closed_by: Any, reason: str) -> Case:
    """Close under the closing rule; refused with CaseNotClosable naming the open questions."""
    case = case_locked(case)
    if case.status == CaseStatus.CLOSED:
        raise InvalidInput(_("Dit vraagstuk is al afgesloten."), field="case")
    if reason not in ClosingReason.values:
        raise InvalidInput(_("Kies een reden om af te sluiten."), field="reason")
    questions = list(case.questions.all())
    states = [QuestionState(reference=_reference(q), resolution=Resolution(q.resolution)) for q in questions]
    still_open = open_questions(states)
    if still_open:
        raise CaseNotClosable([q.reference for q in still_open])
    case.status, case.closing_reason, case.closed_at = CaseStatus.CLOSED, reason, timezone.now()
    case.save(update_fields=["status", "closing_reason", "closed_at"])
    event_record(case, closed_by, EventKind.CASE_CLOSED, reason)
    log.info("case_closed", case=str(case.uuid))
    return case


@transaction.atomic
def case_reopen(*, case: Case, by: User, reason: str) -> Case:
    case = case_locked(case)
    if case.status != CaseStatus.CLOSED:
        raise InvalidInput(_("Dit vraagstuk is niet afgesloten."), field="case")
    reason = text_checked(
        reason, field="reason", max_length=REASON_LENGTH, required=_("Geef een reden om opnieuw te openen.")
    )
    case.status, case.closed_at, case.closing_reason = CaseStatus.IN_PROGRESS, None, ""
    case.save(update_fields=["status", "closed_at", "closing_reason"])
    event_record(case, by, EventKind.CASE_REOPENED, reason)
    return case
