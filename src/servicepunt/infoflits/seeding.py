"""Bulk writing of synthetic infoflits (the questionnaire of a case), for the demo data and the
benchmarks only.

Why a bulk path next to the services: the benchmarks need 100,000 residents, a share of them
with an infoflits, and the services write one at a time; this writes a whole batch with one
`bulk_create` per table, in the caller's transaction. For synthetic data only.

The rules stay here, the ones the services apply: the reference date is the day the infoflits
started and the situation carries it, every situation is valid against situation.schema.json
(`InvalidInput` otherwise, as `infoflits_start`), a self-sufficiency score is 1 to 5 and a
decision on a suggestion is one of `Decision`. Users and products are named by primary key; the
result gives the infoflits' primary keys in the order of the batch (the case refers to them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.models import Infoflits, SituationVersion, SuggestionDecision
from servicepunt.infoflits.services import SELF_SUFFICIENCY_LEVELS, situation_validated

BATCH = 2000  # rows per INSERT


@dataclass(frozen=True, slots=True)
class DecisionSeed:
    product_id: int
    decision: str
    decided_by_id: int
    decided_at: dt.datetime


@dataclass(frozen=True, slots=True)
class InfoflitsSeed:
    started_by_id: int
    started_at: dt.datetime
    situation: Mapping[str, Any]  # the first version; its reference date is set here
    saved_at: dt.datetime
    self_sufficiency: Mapping[str, int] = field(default_factory=dict)
    decisions: tuple[DecisionSeed, ...] = ()


def infoflits_reference_date(started_at: dt.datetime) -> dt.date:
    """The reference date of an infoflits started at this moment: that day."""
    return timezone.localdate(started_at)


def infoflits_seed(batch: Sequence[InfoflitsSeed]) -> tuple[int, ...]:
    """Write one batch of synthetic infoflits with their first situation version and decisions,
    in the caller's transaction; their primary keys in the order of the batch."""
    infoflitses: list[Infoflits] = []
    versions: list[SituationVersion] = []
    decisions: list[SuggestionDecision] = []
    for seed in batch:
        reference_date = infoflits_reference_date(seed.started_at)
        situation = situation_validated({**seed.situation, "reference_date": reference_date.isoformat()})
        levels = dict(seed.self_sufficiency)
        if any(level not in SELF_SUFFICIENCY_LEVELS for level in levels.values()):
            raise InvalidInput("Kies een score van 1 tot en met 5.", field="self_sufficiency")
        infoflits = Infoflits(
            started_by_id=seed.started_by_id, started_at=seed.started_at, reference_date=reference_date
        )
        infoflitses.append(infoflits)
        versions.append(
            SituationVersion(
                infoflits=infoflits,
                number=1,
                situation=situation,
                self_sufficiency=levels,
                saved_by_id=seed.started_by_id,
                saved_at=seed.saved_at,
            )
        )
        for d in seed.decisions:
            if d.decision not in Decision.values:
                raise InvalidInput("Kies een geldig besluit.", field="decision")
            decisions.append(
                SuggestionDecision(
                    infoflits=infoflits,
                    product_id=d.product_id,
                    decision=d.decision,
                    decided_by_id=d.decided_by_id,
                    decided_at=d.decided_at,
                )
            )
    Infoflits.objects.bulk_create(infoflitses, batch_size=BATCH)
    SituationVersion.objects.bulk_create(versions, batch_size=BATCH)
    SuggestionDecision.objects.bulk_create(decisions, batch_size=BATCH)
    return tuple(infoflits.pk for infoflits in infoflitses)


def situations_seeded(infoflits_ids: Collection[int]) -> dict[int, dict[str, Any]]:
    """The current situation of each infoflits (by primary key), in one query, for the seeding
    of the contexts above (a handover carries the consented answers)."""
    current: dict[int, tuple[int, dict[str, Any]]] = {}
    rows = SituationVersion.objects.filter(infoflits_id__in=list(infoflits_ids)).values_list(
        "infoflits_id", "number", "situation"
    )
    for infoflits_id, number, situation in rows:
        if infoflits_id not in current or number > current[infoflits_id][0]:
            current[infoflits_id] = (number, situation)
    return {infoflits_id: situation for infoflits_id, (_, situation) in current.items()}
