"""The migration to consent as data (handovers 0004-0006) on rows of the old schema: the free text
is kept as the note, an old consent shares only the name and the question, it holds for the
default period from the day it was given, and a consent that two handovers shared becomes one
consent per handover (withdrawal included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.catalogue.selectors import entry_points_active
from servicepunt.handovers.models import Handover

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("handovers", "0003_state_labels")]
FREE_TEXT = "Alleen de naam. GEEN telefoonnummer"


def test_old_consents_keep_their_text_share_only_name_and_question_and_are_split_per_handover(
    make_user: Callable[..., User], loaded_live_server: object
) -> None:
    """(`loaded_live_server` for its catalogue on the flushed database of a transactional test.)"""
    employee = make_user(Role.SERVICEPUNT)
    resident = resident_register(
        registered_by=employee, data=ResidentInput(given_name="Olena", surname="Kovalenko", phone="0612345678")
    ).resident
    first, second = case_open(resident=resident, opened_by=employee, questions=["Huur", "Werk"]).questions.order_by(
        "created_at", "id"
    )
    entry_point = next(ep for ep in entry_points_active() if ep.organisation.code == "juridisch-loket")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        OldConsent, OldHandover = old.get_model("handovers", "Consent"), old.get_model("handovers", "Handover")
        withdrawn_at = timezone.now()
        consent = OldConsent.objects.create(
            resident_id=resident.pk,
            organisation_id=entry_point.organisation_id,
            what_is_shared=FREE_TEXT,
            method="verbal",
            recorded_by_id=employee.pk,
            withdrawn_at=withdrawn_at,
            withdrawn_by_id=employee.pk,
        )
        for question in (first, second):
            OldHandover.objects.create(
                question_id=question.pk,
                entry_point_id=entry_point.pk,
                organisation_id=entry_point.organisation_id,
                consent_id=consent.pk,
                summary="Samenvatting",
                state="verstuurd",
                created_by_id=employee.pk,
            )
        given_on = OldConsent.objects.get(pk=consent.pk).given_at.date()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    handovers = list(Handover.objects.select_related("consent").order_by("question__created_at", "question_id"))
    assert [h.question_id for h in handovers] == [first.pk, second.pk]
    assert handovers[0].consent_id == consent.pk and handovers[1].consent_id != consent.pk
    for handover in handovers:
        kept = handover.consent
        assert kept.note == FREE_TEXT and kept.categories == ["name", "question"] and kept.infoflits_domains == []
        assert kept.question_id == handover.question_id and kept.method == "verbal"
        assert kept.valid_until == given_on + dt.timedelta(days=settings.SERVICEPUNT_CONSENT_VALID_DAYS)
        assert kept.withdrawn_at == withdrawn_at and kept.withdrawn_by_id == employee.pk
