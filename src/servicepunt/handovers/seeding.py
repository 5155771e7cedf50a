"""Bulk writing of synthetic warm handovers with their consent and history, for the demo data and
the benchmarks only.

Why a bulk path next to the services: the benchmarks need the handovers of 100,000 residents,
and the services move one handover at a time (each with its locks and the question's
resolution); this writes a whole batch with one `bulk_create` per table, in the caller's
transaction. For synthetic data only.

The rules stay here, the ones the services apply: each handover has its own consent for the
resident of its question and the organisation of its entry point (the name always shared,
unknown categories refused, valid until `default_valid_until`); its history walks the state
machine from concept (`states.may_move`, `HandoverError` otherwise) and must leave the question
as the question stands (`states.resolution_after`); a rejection has a reason and reopens the
question on its timeline (as `handover_reject`), a completion has an outcome (with a note when
not helped, as `handover_complete`); the contact details and the infoflits facts are what the
consent shares (`communication_kept`, `facts.facts_of_situation` on the case's infoflits).
Questions, entry points and users are named by primary key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from servicepunt.cases.choices import EventKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.seeding import CaseEventSeed, case_events_seed, questions_seeded
from servicepunt.catalogue.selectors import domain_list, entry_points_choosable
from servicepunt.core.errors import InvalidInput
from servicepunt.handovers.categories import ALWAYS, CODES, default_valid_until
from servicepunt.handovers.choices import ConsentMethod, Outcome, RejectionReason
from servicepunt.handovers.facts import facts_of_situation
from servicepunt.handovers.models import Consent, Handover, HandoverTransition
from servicepunt.handovers.services import HandoverError, communication_kept
from servicepunt.handovers.states import HandoverState, may_move, resolution_after
from servicepunt.infoflits.seeding import situations_seeded

BATCH = 2000  # rows per INSERT


@dataclass(frozen=True, slots=True)
class ConsentSeed:
    categories: tuple[str, ...]
    method: str
    recorded_by_id: int
    given_at: dt.datetime
    infoflits_domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MoveSeed:
    """One step of the history: the state reached, when, by whom."""

    state: str
    at: dt.datetime
    by_id: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class HandoverSeed:
    question_id: int
    entry_point_id: int
    consent: ConsentSeed
    summary: str
    created_by_id: int
    created_at: dt.datetime
    moves: tuple[MoveSeed, ...]  # the states after concept, in order
    rejection_reason: str = ""
    outcome: str = ""
    outcome_note: str = ""


def _states(seed: HandoverSeed) -> list[HandoverState]:
    """The states of the history, each move allowed by the state machine."""
    states, current = [], HandoverState.CONCEPT
    for move in seed.moves:
        target = HandoverState(move.state)
        if not may_move(current, target):
            raise HandoverError(f"Van ‘{current.value}’ kan deze overdracht niet naar ‘{target.value}’.", field="state")
        states.append(target)
        current = target
    return states


def _ending(seed: HandoverSeed, state: HandoverState) -> None:
    """A rejection has a reason, a completion an outcome (a note when not helped); nothing else has."""
    if (state == HandoverState.REJECTED) != bool(seed.rejection_reason) or (
        seed.rejection_reason and seed.rejection_reason not in RejectionReason.values
    ):
        raise InvalidInput("Kies een reden van afwijzen, alleen bij een afgewezen overdracht.", field="reason")
    if (state == HandoverState.COMPLETED) != bool(seed.outcome) or (
        seed.outcome and seed.outcome not in Outcome.values
    ):
        raise InvalidInput("Kies geholpen of niet geholpen, alleen bij een afgeronde overdracht.", field="outcome")
    if seed.outcome == Outcome.NOT_HELPED and not seed.outcome_note.strip():
        raise InvalidInput("Schrijf op waarom de inwoner niet geholpen is.", field="note")


def _categories(seed: ConsentSeed, known_domains: set[str]) -> tuple[list[str], list[str]]:
    """As `consent_shared_checked`: the name always, in the fixed order; unknown codes refused."""
    categories = set(ALWAYS) | set(seed.categories)
    if not categories <= set(CODES) or not set(seed.infoflits_domains) <= known_domains:
        raise InvalidInput("Kies alleen gegevens uit de lijst.", field="shared")
    if seed.method not in ConsentMethod.values:
        raise InvalidInput("Kies hoe de inwoner toestemming gaf.", field="consent_method")
    return [code for code in CODES if code in categories], sorted(set(seed.infoflits_domains))


def handovers_seed(batch: Sequence[HandoverSeed]) -> tuple[int, ...]:
    """Write one batch of synthetic handovers, in the caller's transaction; their primary keys
    in the order of the batch."""
    questions = questions_seeded({seed.question_id for seed in batch})
    organisations = dict(
        entry_points_choosable()
        .filter(pk__in={seed.entry_point_id for seed in batch})
        .values_list("pk", "organisation_id")
    )
    sharing = {questions[seed.question_id].infoflits_id for seed in batch if seed.consent.infoflits_domains}
    situations = situations_seeded({infoflits_id for infoflits_id in sharing if infoflits_id is not None})
    known_domains = set(domain_list().values_list("code", flat=True))
    consents: list[Consent] = []
    handovers: list[Handover] = []
    transitions: list[HandoverTransition] = []
    events: list[CaseEventSeed] = []
    for seed in batch:
        question, organisation_id = questions[seed.question_id], organisations[seed.entry_point_id]
        states = _states(seed)
        state = states[-1] if states else HandoverState.CONCEPT
        if resolution_after(states) != Resolution(question.resolution):
            raise HandoverError("Deze geschiedenis laat de vraag anders achter dan hij staat.", field="state")
        _ending(seed, state)
        categories, domains = _categories(seed.consent, known_domains)
        consent = Consent(
            resident_id=question.resident_id,
            organisation_id=organisation_id,
            question_id=question.pk,
            categories=categories,
            infoflits_domains=domains,
            method=seed.consent.method,
            recorded_by_id=seed.consent.recorded_by_id,
            given_at=seed.consent.given_at,
            valid_until=default_valid_until(timezone.localdate(seed.consent.given_at)),
        )
        handover = Handover(
            question_id=question.pk,
            entry_point_id=seed.entry_point_id,
            organisation_id=organisation_id,
            consent=consent,
            summary=seed.summary,
            facts=facts_of_situation(situations.get(question.infoflits_id or 0), domains),
            contact=communication_kept(question, categories),
            state=state.value,
            rejection_reason=seed.rejection_reason,
            outcome=seed.outcome,
            outcome_note=seed.outcome_note.strip(),
            created_by_id=seed.created_by_id,
            created_at=seed.created_at,
        )
        consents.append(consent)
        handovers.append(handover)
        previous = HandoverState.CONCEPT
        for move, reached in zip(seed.moves, states, strict=True):
            transitions.append(
                HandoverTransition(
                    handover=handover,
                    from_state=previous.value,
                    to_state=reached.value,
                    by_id=move.by_id,
                    at=move.at,
                    note=move.note,
                )
            )
            previous = reached
        if state == HandoverState.REJECTED:  # states.REOPENS: the question is open again
            last = seed.moves[-1]
            reason = f"overdracht afgewezen: {seed.rejection_reason}"
            events.append(
                CaseEventSeed(
                    case_id=question.case_id,
                    by_id=last.by_id,
                    kind=EventKind.QUESTION_REOPENED,
                    at=last.at,
                    detail=reason,
                )
            )
    Consent.objects.bulk_create(consents, batch_size=BATCH)
    Handover.objects.bulk_create(handovers, batch_size=BATCH)
    HandoverTransition.objects.bulk_create(transitions, batch_size=BATCH)
    case_events_seed(events)
    return tuple(handover.pk for handover in handovers)
