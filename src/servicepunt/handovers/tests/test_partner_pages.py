"""The partner's inbox and actions, in the UI and over the API: scoped to the own organisation,
consent-bound, each view of the resident logged, and the question reopened on rejection."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.closing import Resolution
from servicepunt.cases.testing import case_for_resident
from servicepunt.catalogue.testing import entry_point
from servicepunt.handovers.categories import default_valid_until
from servicepunt.handovers.models import Handover
from servicepunt.handovers.services import consent_withdraw, handover_start

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

# On the small test catalogue (see the root conftest): the inbox is not about which partners the
# real catalogue holds.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_catalogue")]


@pytest.fixture
def handover(make_user: Callable[..., User]) -> Handover:
    employee = make_user(Role.SERVICEPUNT)
    case = case_for_resident(employee, "Mijn huurbaas wil mij eruit zetten", given_name="Olena", surname="Kovalenko")
    return handover_start(
        question=case.questions.get(),
        entry_point=entry_point("test-partner-spreekuur"),
        shared=["question", "phone"],
        consent_method="verbal",
        valid_until=default_valid_until(timezone.localdate()),
        summary="Huurbaas wil haar uit huis zetten.",
        by=employee,
    )


@pytest.fixture
def partner(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.PARTNER))
    return client


def test_inbox_counts_new_handovers_and_logs_the_view(partner: Client, handover: Handover) -> None:
    page = partner.get("/overdrachten/").content.decode()
    assert "1 nieuwe overdracht" in page and "Olena Kovalenko" in page
    assert access_log_rows().filter(screen="handovers.inbox", subject_id=str(handover.question.case.resident.uuid))


def test_detail_shows_the_story_and_contact_but_no_bsn(partner: Client, handover: Handover) -> None:
    page = partner.get(f"/overdrachten/{handover.uuid}/").content.decode()
    assert "Huurbaas wil haar uit huis zetten." in page and "+31612345678" in page
    assert "BSN" not in page


def test_reject_needs_a_reason_and_reopens_the_question(partner: Client, handover: Handover) -> None:
    refused = partner.post(f"/overdrachten/{handover.uuid}/reject/", {"reason": ""})
    assert refused.status_code == 400 and "reden" in refused.content.decode()
    partner.post(f"/overdrachten/{handover.uuid}/accept/")
    handover.refresh_from_db()
    assert handover.question.resolution == Resolution.PARTNER_ACCEPTED


def test_rejection_reopens_the_question(partner: Client, handover: Handover) -> None:
    assert partner.post(f"/overdrachten/{handover.uuid}/reject/", {"reason": "no_capacity"}).status_code == 302
    handover.refresh_from_db()
    assert handover.state == "afgewezen" and handover.question.resolution == Resolution.OPEN


def test_outcome_not_helped_needs_a_note(partner: Client, handover: Handover) -> None:
    partner.post(f"/overdrachten/{handover.uuid}/accept/")
    refused = partner.post(f"/overdrachten/{handover.uuid}/complete/", {"outcome": "not_helped"})
    assert refused.status_code == 400
    partner.post(f"/overdrachten/{handover.uuid}/complete/", {"outcome": "helped"})
    handover.refresh_from_db()
    assert handover.state == "afgerond" and handover.outcome == "helped"


def test_withdrawn_consent_hides_the_handover(
    partner: Client, handover: Handover, make_user: Callable[..., User]
) -> None:
    consent_withdraw(consent=handover.consent, withdrawn_by=handover.created_by)
    assert partner.get(f"/overdrachten/{handover.uuid}/").status_code == 404
    assert "Kovalenko" not in partner.get("/overdrachten/").content.decode()
    assert partner.get("/api/v1/handovers").json() == []


def test_api_inbox_and_actions(partner: Client, handover: Handover) -> None:
    listed = partner.get("/api/v1/handovers").json()
    assert [item["uuid"] for item in listed] == [str(handover.uuid)]
    bad = partner.post(
        f"/api/v1/handovers/{handover.uuid}/reject", {"reason": "because"}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"
    assert bad.json()["invalid_params"][0]["name"] == "reason"
    accepted = partner.post(f"/api/v1/handovers/{handover.uuid}/accept", {}, content_type="application/json")
    assert accepted.json()["state"] == "geaccepteerd"
    twice = partner.post(f"/api/v1/handovers/{handover.uuid}/accept", {}, content_type="application/json")
    assert twice.status_code == 409


def test_facts_are_labelled_with_the_questionnaires_question() -> None:
    from servicepunt.handovers.facts import facts_labelled

    labelled = dict(facts_labelled({"housing.rent_arrears": True, "unknown.field": 3}, "nl"))
    assert labelled["Heeft u een huurachterstand?"] is True
    assert labelled["unknown.field"] == 3
