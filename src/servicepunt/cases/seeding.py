"""Bulk writing of synthetic residents and cases, for the demo data and the benchmarks only.

Why a bulk path next to the services: the benchmarks need 100,000 residents with their cases,
and writing them one service call at a time (each with its locks, checks and timeline line)
takes hours; this writes a whole batch with one `bulk_create` per table (in batches), in the
caller's transaction, in minutes. It is for synthetic data only: nothing typed by an employee
or sent by another system comes in this way.

The caller (`servicepunt.demo`) brings plain values; the rules stay here, the ones the services
apply: the BSN is checked by the 11-proef and stored encrypted with its keyed digest, a
question's life domain follows from its product (as `question_link`), a case is closed only
under the closing rule (`closing.may_close`, else `CaseNotClosable` as `case_close`), an open
case's status is `case_status_for`, and the timeline gets the lines the services would write,
at the moments given. Rows of the same batch refer to each other by object, rows of other apps
(users, products, an infoflits) by primary key. PostgreSQL and SQLite both return the primary
keys from `bulk_create`, so the result names the rows the next app needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch

from servicepunt.cases.choices import CaseStatus, ClosingReason, ContactChannel, EventKind, TaskKind
from servicepunt.cases.closing import QuestionState, Resolution, may_close, open_questions
from servicepunt.cases.identifiers import IdentifierError, bsn_digest, bsn_encrypt, bsn_normalise
from servicepunt.cases.models import (
    RESOLUTION_EVENTS,
    Case,
    CaseEvent,
    ContactMoment,
    Note,
    Question,
    Representative,
    Resident,
    Task,
)
from servicepunt.cases.services import CaseNotClosable, case_status_for
from servicepunt.cases.services.common import event_detail
from servicepunt.cases.services.work import DOMAIN_ORDER, TASK_TEAMS
from servicepunt.catalogue.selectors import domain_list, products_any
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

BATCH = 2000  # rows per INSERT


@dataclass(frozen=True, slots=True)
class RepresentativeSeed:
    name: str
    kind: str
    phone: str = ""


@dataclass(frozen=True, slots=True)
class ResidentSeed:
    given_name: str
    surname: str
    registered_by_id: int
    registered_at: dt.datetime
    surname_prefix: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""  # E.164, as the services store it
    email: str = ""
    postcode: str = ""
    house_number: str = ""
    preferred_language: str = "nl"
    contact_preference: str = "phone"
    needs_interpreter: bool = False
    reads_with_difficulty: bool = False
    bsn: str = ""  # plain; stored encrypted with its keyed digest
    representatives: tuple[RepresentativeSeed, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionSeed:
    text: str
    created_at: dt.datetime
    product_id: int | None = None
    linked_at: dt.datetime | None = None  # when the product was linked (default: when asked)
    resolution: str = Resolution.OPEN
    resolved_at: dt.datetime | None = None  # required when the resolution is not open


@dataclass(frozen=True, slots=True)
class ContactMomentSeed:
    channel: str
    at: dt.datetime
    employee_id: int
    outcome: str
    wijkbureau: str = ""
    language: str = "nl"
    interpreter: bool = False


@dataclass(frozen=True, slots=True)
class TaskSeed:
    kind: str
    description: str
    due: dt.date
    created_by_id: int
    created_at: dt.datetime
    assigned_to_id: int | None = None
    team: str = ""
    done_at: dt.datetime | None = None
    done_by_id: int | None = None


@dataclass(frozen=True, slots=True)
class NoteSeed:
    text: str
    written_by_id: int
    written_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ClosingSeed:
    at: dt.datetime
    reason: str
    by_id: int


@dataclass(frozen=True, slots=True)
class CaseSeed:
    resident: ResidentSeed  # one of the batch's residents
    opened_by_id: int
    opened_at: dt.datetime
    questions: tuple[QuestionSeed, ...]
    closing: ClosingSeed | None = None  # refused unless the closing rule allows it
    infoflits_id: int | None = None
    infoflits_started_at: dt.datetime | None = None
    contact_moments: tuple[ContactMomentSeed, ...] = ()
    tasks: tuple[TaskSeed, ...] = ()
    notes: tuple[NoteSeed, ...] = ()


@dataclass(frozen=True, slots=True)
class CasesBatch:
    residents: tuple[ResidentSeed, ...]
    cases: tuple[CaseSeed, ...]


@dataclass(frozen=True, slots=True)
class SeededCases:
    """The primary keys, in the order of the batch: residents, cases, and per case its questions."""

    residents: tuple[int, ...]
    cases: tuple[int, ...]
    questions: tuple[tuple[int, ...], ...]
    statuses: tuple[str, ...]  # per case, as the rules left it


@dataclass(frozen=True, slots=True)
class CaseEventSeed:
    """A timeline line another context's seeding adds (a rejected handover reopening its question)."""

    case_id: int
    by_id: int
    kind: str
    at: dt.datetime
    detail: str = ""


def bsns_unused(numbers: Iterable[str]) -> list[str]:
    """The BSNs no resident has yet, in the order given: a BSN belongs to one person."""
    key = settings.SERVICEPUNT_BSN_KEY
    taken = set(Resident.objects.exclude(bsn_digest="").values_list("bsn_digest", flat=True))
    return [number for number in numbers if bsn_digest(number, key) not in taken]


def residents_registered_count(registered_by: User | str) -> int:
    """How many residents this user (or username) registered."""
    if isinstance(registered_by, str):
        return Resident.objects.filter(registered_by__username=registered_by).count()
    return Resident.objects.filter(registered_by=registered_by).count()


@dataclass(frozen=True, slots=True)
class SeededQuestion:
    """A written question as the seeding of the contexts above needs it: how it stands, its
    case (and the case's infoflits) and how its resident wants to be contacted."""

    pk: int
    resolution: str
    case_id: int
    infoflits_id: int | None
    resident_id: int
    contact_preference: str
    preferred_language: str
    needs_interpreter: bool
    reads_with_difficulty: bool


def questions_seeded(pks: Collection[int]) -> dict[int, SeededQuestion]:
    """The questions by primary key, in one query of values (not model rows: this runs per batch
    of thousands), for the seeding of the contexts above (a handover follows its question)."""
    rows = Question.objects.filter(pk__in=list(pks)).values_list(
        "pk",
        "resolution",
        "case_id",
        "case__infoflits_id",
        "case__resident_id",
        "case__resident__contact_preference",
        "case__resident__preferred_language",
        "case__resident__needs_interpreter",
        "case__resident__reads_with_difficulty",
    )
    return {row[0]: SeededQuestion(*row) for row in rows}


def case_events_seed(events: Sequence[CaseEventSeed]) -> int:
    """Add timeline lines in bulk; a kind nobody listed is refused (as `event_record`)."""
    rows = [
        CaseEvent(case_id=e.case_id, by_id=e.by_id, kind=EventKind(e.kind), detail=event_detail(e.detail), at=e.at)
        for e in events
    ]
    CaseEvent.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _resident(seed: ResidentSeed, key: str) -> Resident:
    bsn = ""
    if seed.bsn:
        try:
            bsn = bsn_normalise(seed.bsn)
        except IdentifierError as error:
            raise InvalidInput(error.message, field=error.field) from error
    return Resident(
        given_name=seed.given_name,
        surname_prefix=seed.surname_prefix,
        surname=seed.surname,
        date_of_birth=seed.date_of_birth,
        phone=seed.phone,
        email=seed.email,
        postcode=seed.postcode,
        house_number=seed.house_number,
        preferred_language=seed.preferred_language,
        contact_preference=seed.contact_preference,
        needs_interpreter=seed.needs_interpreter,
        reads_with_difficulty=seed.reads_with_difficulty,
        bsn_encrypted=bsn_encrypt(bsn, key) if bsn else "",
        bsn_digest=bsn_digest(bsn, key) if bsn else "",
        registered_by_id=seed.registered_by_id,
        registered_at=seed.registered_at,
    )


def _products(cases: Iterable[CaseSeed]) -> dict[int, tuple[str, int | None]]:
    """Per linked product (pk): its name and the life domain a link gives (as `question_link`)."""
    ids = {q.product_id for case in cases for q in case.questions if q.product_id is not None}
    products = (
        products_any()
        .filter(pk__in=ids)
        .prefetch_related(Prefetch("domains", queryset=domain_list().order_by(*DOMAIN_ORDER)))
    )
    return {p.pk: (p.name, next((d.pk for d in p.domains.all()), None)) for p in products}


class _Rows:
    """The rows of one batch, built in memory and saved with one bulk_create per table."""

    def __init__(self, batch: CasesBatch) -> None:
        self.key = settings.SERVICEPUNT_BSN_KEY
        self.products = _products(batch.cases)
        self.labels = {value: str(label) for value, label in ContactChannel.choices}
        self.residents = {id(seed): _resident(seed, self.key) for seed in batch.residents}
        self.representatives = [
            Representative(resident=self.residents[id(seed)], name=r.name, kind=r.kind, phone=r.phone)
            for seed in batch.residents
            for r in seed.representatives
        ]
        self.cases: list[Case] = []
        self.questions: list[list[Question]] = []
        self.contact_moments: list[ContactMoment] = []
        self.tasks: list[Task] = []
        self.notes: list[Note] = []
        self.events: list[CaseEvent] = []

    def case(self, seed: CaseSeed) -> None:
        resident = self.residents.get(id(seed.resident))
        if resident is None:
            raise ValueError("the resident of a case must be one of the batch's residents")
        if not seed.questions:
            raise InvalidInput("Een vraagstuk heeft minstens één vraag.", field="questions")
        case = Case(
            resident=resident, opened_by_id=seed.opened_by_id, opened_at=seed.opened_at, infoflits_id=seed.infoflits_id
        )
        by = seed.opened_by_id
        lines: list[tuple[dt.datetime, str, str, int]] = [(seed.opened_at, EventKind.CASE_OPENED, "", by)]
        questions = [self._question(case, q, by, lines) for q in seed.questions]
        self._status(case, seed, questions, lines)
        if seed.infoflits_id is not None:
            lines.append((seed.infoflits_started_at or seed.opened_at, EventKind.INFOFLITS_STARTED, "", by))
        for m in seed.contact_moments:
            if m.channel not in ContactChannel.values:
                raise InvalidInput("Kies een kanaal.", field="channel")
            self.contact_moments.append(
                ContactMoment(
                    case=case,
                    channel=m.channel,
                    wijkbureau=m.wijkbureau,
                    at=m.at,
                    employee_id=m.employee_id,
                    language=m.language,
                    interpreter=m.interpreter,
                    outcome=m.outcome,
                )
            )
            lines.append((m.at, EventKind.CONTACT_MOMENT, f"{self.labels[m.channel]}: {m.outcome}", m.employee_id))
        for t in seed.tasks:
            self._task(case, t, lines)
        for n in seed.notes:
            self.notes.append(Note(case=case, text=n.text, written_by_id=n.written_by_id, written_at=n.written_at))
            lines.append((n.written_at, EventKind.NOTE_ADDED, "", n.written_by_id))
        self.cases.append(case)
        self.questions.append(questions)
        self.events += [
            CaseEvent(case=case, by_id=who, kind=kind, detail=event_detail(detail), at=at)
            for at, kind, detail, who in sorted(lines)
        ]

    def _question(
        self, case: Case, seed: QuestionSeed, by: int, lines: list[tuple[dt.datetime, str, str, int]]
    ) -> Question:
        resolution = Resolution(seed.resolution)
        name, domain_id = self.products[seed.product_id] if seed.product_id is not None else ("", None)
        question = Question(
            case=case,
            text=seed.text,
            product_id=seed.product_id,
            domain_id=domain_id,
            resolution=resolution.value,
            created_at=seed.created_at,
        )
        lines.append((seed.created_at, EventKind.QUESTION_ADDED, seed.text, by))
        if seed.product_id is not None:
            lines.append((seed.linked_at or seed.created_at, EventKind.QUESTION_LINKED, name, by))
        if resolution != Resolution.OPEN:
            if seed.resolved_at is None:
                raise InvalidInput("Een afgehandelde vraag heeft een moment van afhandelen.", field="resolved_at")
            lines.append((seed.resolved_at, RESOLUTION_EVENTS[resolution.value], seed.text, by))
        return question

    def _status(
        self, case: Case, seed: CaseSeed, questions: list[Question], lines: list[tuple[dt.datetime, str, str, int]]
    ) -> None:
        """Closed only under the closing rule; otherwise the status rule of the services."""
        states = [QuestionState(q.text, Resolution(q.resolution)) for q in questions]
        if seed.closing is None:
            case.status = case_status_for(CaseStatus.OPEN, [q.resolution for q in questions])
            return
        if seed.closing.reason not in ClosingReason.values:
            raise InvalidInput("Kies een reden om af te sluiten.", field="reason")
        if not may_close(states):
            raise CaseNotClosable([q.reference for q in open_questions(states)])
        case.status, case.closed_at, case.closing_reason = CaseStatus.CLOSED, seed.closing.at, seed.closing.reason
        lines.append((seed.closing.at, EventKind.CASE_CLOSED, seed.closing.reason, seed.closing.by_id))

    def _task(self, case: Case, seed: TaskSeed, lines: list[tuple[dt.datetime, str, str, int]]) -> None:
        if seed.kind not in TaskKind.values:
            raise InvalidInput("Kies terugbellen of opvolgen.", field="kind")
        if (seed.assigned_to_id is None) == (not seed.team):
            raise InvalidInput("Kies een medewerker of een team.", field="assignee")
        if seed.team and seed.team not in TASK_TEAMS:
            raise InvalidInput("Kies een team met een werkvoorraad.", field="assignee")
        self.tasks.append(
            Task(
                case=case,
                kind=seed.kind,
                description=seed.description,
                due=seed.due,
                assigned_to_id=seed.assigned_to_id,
                team=seed.team,
                created_by_id=seed.created_by_id,
                created_at=seed.created_at,
                done_at=seed.done_at,
                done_by_id=seed.done_by_id if seed.done_at is not None else None,
            )
        )
        lines.append((seed.created_at, EventKind.TASK_CREATED, seed.description, seed.created_by_id))
        if seed.done_at is not None:
            lines.append((seed.done_at, EventKind.TASK_DONE, seed.description, seed.done_by_id or seed.created_by_id))

    def save(self) -> None:
        Resident.objects.bulk_create(self.residents.values(), batch_size=BATCH)
        Representative.objects.bulk_create(self.representatives, batch_size=BATCH)
        Case.objects.bulk_create(self.cases, batch_size=BATCH)
        Question.objects.bulk_create([q for qs in self.questions for q in qs], batch_size=BATCH)
        Task.objects.bulk_create(self.tasks, batch_size=BATCH)
        ContactMoment.objects.bulk_create(self.contact_moments, batch_size=BATCH)
        Note.objects.bulk_create(self.notes, batch_size=BATCH)
        CaseEvent.objects.bulk_create(self.events, batch_size=BATCH)


def cases_seed(batch: CasesBatch) -> SeededCases:
    """Write one batch of synthetic residents and their cases in the caller's transaction."""
    rows = _Rows(batch)
    for seed in batch.cases:
        rows.case(seed)
    rows.save()
    return SeededCases(
        residents=tuple(rows.residents[id(seed)].pk for seed in batch.residents),
        cases=tuple(case.pk for case in rows.cases),
        questions=tuple(tuple(q.pk for q in questions) for questions in rows.questions),
        statuses=tuple(case.status for case in rows.cases),
    )
