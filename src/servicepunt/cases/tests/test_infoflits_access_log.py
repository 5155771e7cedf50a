"""A view of the infoflits of a case is logged under the resident, not the infoflits id."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.audit.selectors import access_log
from servicepunt.cases.services import case_infoflits_start
from servicepunt.cases.testing import case_for_resident

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_infoflits_of_a_case_is_logged_under_the_resident(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    case = case_for_resident(employee)
    infoflits = case_infoflits_start(case=case, by=employee)
    client = Client()
    client.force_login(employee)
    assert client.get(f"/infoflits/{infoflits.uuid}/").status_code == 200
    officer = make_user(Role.PRIVACY)
    assert Permission.objects.filter(codename="view_accesslog").exists()
    entries = list(access_log(user=officer).filter(screen="infoflits.flow"))
    assert [(e.subject_type, e.subject_id) for e in entries] == [("resident.infoflits", str(case.resident.uuid))]
    assert str(infoflits.uuid) in entries[0].purpose
    assert not access_log(user=officer, subject_id=str(infoflits.uuid)).exists()
