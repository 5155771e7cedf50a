"""The bulk path for synthetic data (`infoflits.seeding`) applies the infoflits' own rules: the
reference date is the day it started, a situation must be valid against the schema, scores are
1 to 5 and a decision is one of the known ones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from servicepunt.catalogue.testing import product_rows
from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.seeding import DecisionSeed, InfoflitsSeed, infoflits_seed, situations_seeded
from servicepunt.infoflits.testing import Decision, infoflits_rows, suggestion_decision_rows

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def _seed(employee: User, situation: dict[str, object], **extra: object) -> InfoflitsSeed:
    started = timezone.now() - dt.timedelta(days=40)
    return InfoflitsSeed(
        started_by_id=employee.pk,
        started_at=started,
        situation=situation,
        saved_at=started + dt.timedelta(minutes=5),
        **extra,  # type: ignore[arg-type]
    )


def test_the_reference_date_is_the_day_it_started_and_the_situation_carries_it(employee: User) -> None:
    seed = _seed(employee, {"person": {"age": 40, "has_partner": False}, "reference_date": "2000-01-01"})
    product = product_rows().first()
    assert product is not None
    decided = DecisionSeed(
        product_id=product.pk, decision=Decision.ACCEPTED, decided_by_id=employee.pk, decided_at=seed.saved_at
    )
    (pk,) = infoflits_seed([_seed(employee, dict(seed.situation), decisions=(decided,))])
    infoflits = infoflits_rows().get(pk=pk)
    assert infoflits.reference_date == timezone.localdate(seed.started_at)
    assert situations_seeded([pk])[pk]["reference_date"] == infoflits.reference_date.isoformat()
    assert suggestion_decision_rows().get(infoflits=infoflits).decision == Decision.ACCEPTED


def test_a_situation_the_schema_forbids_is_refused(employee: User) -> None:
    with pytest.raises(InvalidInput):
        infoflits_seed([_seed(employee, {"person": {"age": "veertig"}})])
    assert not infoflits_rows().exists()


def test_a_score_outside_one_to_five_and_an_unknown_decision_are_refused(employee: User) -> None:
    with pytest.raises(InvalidInput) as refused:
        infoflits_seed([_seed(employee, {}, self_sufficiency={"geld": 6})])
    assert refused.value.field == "self_sufficiency"
    product = product_rows().first()
    assert product is not None
    odd = DecisionSeed(
        product_id=product.pk, decision="misschien", decided_by_id=employee.pk, decided_at=timezone.now()
    )
    with pytest.raises(InvalidInput) as refused:
        infoflits_seed([_seed(employee, {}, decisions=(odd,))])
    assert refused.value.field == "decision"
