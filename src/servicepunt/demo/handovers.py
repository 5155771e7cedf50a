"""Synthetic warm handovers for the demo cases: consent first, then the handover and its history
along the state machine, consistent with how the question was resolved:

- partner_accepted ↔ the handover is geaccepteerd (the partner books itself);
- booked: some were handed over and the partner planned the appointment (afspraak gepland),
  a part of those is afgerond with an outcome;
- open: some handovers wait for the partner (verstuurd, ontvangen), some were afgewezen, which
  reopened the question.

Called by `servicepunt demo` for every batch of `servicepunt.demo.residents` (cases may not import
handovers). This module draws the histories; `handovers.seeding` writes them in bulk, in the
caller's transaction, under the handovers' rules (the state machine, the consent, what a
handover carries), with the times of the history.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from servicepunt.accounts.selectors import partner_staff_by_organisation
from servicepunt.cases.closing import Resolution
from servicepunt.catalogue.selectors import products_any
from servicepunt.demo.residents import DemoBatch, DemoQuestion, between
from servicepunt.handovers.categories import Category
from servicepunt.handovers.choices import ConsentMethod, Outcome, RejectionReason
from servicepunt.handovers.seeding import ConsentSeed, HandoverSeed, MoveSeed, handovers_seed
from servicepunt.handovers.states import RESOLVES, TRANSITIONS, HandoverState, resolution_after

if TYPE_CHECKING:
    from servicepunt.catalogue.models import EntryPoint

# What the demo residents agreed to share: always the name and the question, mostly the phone.
SHARED_SOMETIMES = (
    (Category.PHONE, 0.8),
    (Category.EMAIL, 0.4),
    (Category.ADDRESS, 0.2),
    (Category.COMMUNICATION, 0.6),
)
SUMMARY_ENDINGS = (
    "Inwoner wil graag gebeld worden.",
    "Brieven zijn meegegeven aan de inwoner.",
    "Inwoner spreekt weinig Nederlands; liefst met tolk.",
    "Het is dringend: de inwoner heeft een brief met een termijn.",
    "",
)
NOT_HELPED_NOTES = ("Inwoner kwam niet op de afspraak.", "Valt buiten onze regeling; doorverwezen.")
S, R, A, P, C, X = (
    HandoverState.SENT,
    HandoverState.RECEIVED,
    HandoverState.ACCEPTED,
    HandoverState.PLANNED,
    HandoverState.COMPLETED,
    HandoverState.REJECTED,
)


# How often a question of each resolution came through a handover; the rest was settled at the
# counter (answered, booked there, declined) or has no handover yet.
HANDED_OVER = {Resolution.PARTNER_ACCEPTED: 1.0, Resolution.BOOKED: 0.5, Resolution.OPEN: 0.22}
WALKS = 200


def _walk(rng: random.Random) -> list[HandoverState]:
    """A random history along the real state machine (handovers.states.TRANSITIONS): the states
    after concept, sent first, stopping at an end state or at random."""
    path: list[HandoverState] = []
    state = HandoverState.CONCEPT
    while TRANSITIONS[state] and (not path or rng.random() < 0.75):
        state = rng.choice(sorted(TRANSITIONS[state]))
        path.append(state)
    return path


def _path(rng: random.Random, resolution: Resolution) -> list[HandoverState]:
    """The states a handover went through after concept, or [] when the question has none: a
    walk on the state machine whose outcome under the services' rule
    (handovers.states.resolution_after) is how the question was resolved. Not a copy of the
    rule: a walk that would leave the question otherwise is thrown away."""
    if rng.random() >= HANDED_OVER.get(resolution, 0.0):
        return []
    for _ in range(WALKS):
        path = _walk(rng)
        if resolution_after(path) == resolution:
            return path
    return []


def _times(
    rng: random.Random, path: list[HandoverState], start: dt.datetime, settled: dt.datetime | None, end: dt.datetime
) -> list[dt.datetime]:
    """When each state was reached, in order: the last state that resolved the question (by
    handovers.states.RESOLVES) at the moment the question was resolved, later ones after it."""
    resolving = [state for state in path if state in RESOLVES]
    if settled is None or not resolving:
        return sorted(between(rng, start, end) for _ in path)
    before = len(path) - 1 - path[::-1].index(resolving[-1])
    times = sorted(between(rng, start, settled) for _ in range(before)) + [settled]
    times += sorted(between(rng, settled, end) for _ in path[before + 1 :])
    return times


class _Builder:
    def __init__(self, batch: DemoBatch) -> None:
        self.batch, self.rng, self.by_id = batch, batch.rng, batch.by.pk
        product_ids = {q.product.pk for q in batch.questions if q.product is not None}
        self.entry_points: dict[int, list[EntryPoint]] = {}
        for product in products_any().filter(pk__in=product_ids).prefetch_related("entry_points"):
            self.entry_points[product.pk] = [ep for ep in product.entry_points.all() if ep.active]
        self.partner_staff = partner_staff_by_organisation()
        self.handovers: list[HandoverSeed] = []

    def _consent(self, at: dt.datetime, domains: list[str]) -> ConsentSeed:
        """Every handover its own consent: the name and the question, some contact details and
        (mostly) the answers of the product's life domains."""
        categories = {Category.NAME.value, Category.QUESTION.value} | {
            category.value for category, chance in SHARED_SOMETIMES if self.rng.random() < chance
        }
        return ConsentSeed(
            categories=tuple(sorted(categories)),
            infoflits_domains=tuple(sorted(domains)) if self.rng.random() < 0.7 else (),
            method=self.rng.choices(ConsentMethod.values, (65, 20, 5, 10))[0],
            recorded_by_id=self.by_id,
            given_at=at,
        )

    def question(self, question: DemoQuestion) -> None:
        rng, by = self.rng, self.by_id
        product = question.product
        entry_points = self.entry_points.get(product.pk) if product is not None else None
        path = _path(rng, Resolution(question.resolution)) if entry_points else []
        if not path or not entry_points or product is None:
            return
        entry_point = rng.choice(entry_points)
        partner = self.partner_staff.get(entry_point.organisation_id, self.batch.by).pk
        settled = question.settled_at
        # Handed over during the visit, before the question was resolved.
        created = (
            question.created_at + (settled - question.created_at) * rng.uniform(0.05, 0.3)
            if settled is not None
            else question.created_at + dt.timedelta(minutes=rng.randint(5, 40))
        )
        times = _times(rng, path, created + dt.timedelta(minutes=1), settled, question.case_closed_at or self.batch.now)
        domains = [domain.code for domain in product.domains.all()]
        consent = self._consent(created - dt.timedelta(minutes=1), domains)
        summary = f"{question.text}. {rng.choice(SUMMARY_ENDINGS)}".strip()
        rejection_reason = outcome = outcome_note = ""
        if path[-1] == X:
            rejection_reason = rng.choice(RejectionReason.values)
        if path[-1] == C:
            helped = rng.random() < 0.85
            outcome = Outcome.HELPED if helped else Outcome.NOT_HELPED
            outcome_note = "" if helped else rng.choice(NOT_HELPED_NOTES)
        moves = tuple(
            MoveSeed(
                state=state.value, at=at, by_id=by if state == S else partner, note=outcome_note if state == C else ""
            )
            for state, at in zip(path, times, strict=True)
        )
        self.handovers.append(
            HandoverSeed(
                question_id=question.pk,
                entry_point_id=entry_point.pk,
                consent=consent,
                summary=summary,
                created_by_id=by,
                created_at=created,
                moves=moves,
                rejection_reason=rejection_reason,
                outcome=outcome,
                outcome_note=outcome_note,
            )
        )


def demo_handovers_add(batch: DemoBatch) -> int:
    """Add the warm handovers of one saved batch of demo cases; the number made."""
    builder = _Builder(batch)
    for question in batch.questions:
        builder.question(question)
    return len(handovers_seed(builder.handovers))
