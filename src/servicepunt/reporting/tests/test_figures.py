"""Team leads see totals only: extra products offered beyond the question, cases, handovers and
appointments; other roles are refused; the page shows no resident."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.cases.services import case_infoflits_start
from servicepunt.cases.testing import case_for_resident
from servicepunt.infoflits.services import suggestion_decide
from servicepunt.infoflits.testing import Decision

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_figures_count_extra_products_and_show_no_resident(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    case = case_for_resident(
        employee, "Ik heb schulden", given_name="Noor", surname="Zwart", phone="", contact_preference="letter"
    )
    infoflits = case_infoflits_start(case=case, by=employee)
    suggestion_decide(infoflits=infoflits, product_code="huurtoeslag", decision=Decision.OFFERED, decided_by=employee)
    suggestion_decide(infoflits=infoflits, product_code="huurtoeslag", decision=Decision.ACCEPTED, decided_by=employee)
    suggestion_decide(
        infoflits=infoflits, product_code="zorgtoeslag", decision=Decision.NOT_APPLICABLE, decided_by=employee
    )
    suggestion_decide(
        infoflits=infoflits,
        product_code="schuldhulpverlening",
        decision=Decision.ACCEPTED,
        decided_by=employee,
        asked=True,
    )
    client = Client()
    client.force_login(make_user(Role.TEAMLEIDER))
    page = client.get("/cijfers/").content.decode()
    assert '<dd id="extra-offered">1</dd>' in page and '<dd id="cases-count">1</dd>' in page
    assert "Zwart" not in page


@pytest.mark.parametrize("role", [r for r in Role if r != Role.TEAMLEIDER], ids=lambda r: r.value)
def test_only_team_leads_see_figures(make_user: Callable[..., User], role: Role) -> None:
    client = Client()
    client.force_login(make_user(role))
    assert client.get("/cijfers/").status_code == 403
