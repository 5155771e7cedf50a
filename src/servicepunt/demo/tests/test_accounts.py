"""The demo logins `make run` prints: one account per role, each signs in with the demo password."""

from __future__ import annotations

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_role
from servicepunt.accounts.testing import user_rows
from servicepunt.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_accounts_create

pytestmark = pytest.mark.django_db


def test_demo_accounts_exist_for_every_role_and_can_log_in() -> None:
    demo_accounts_create()
    assert {account.role for account in DEMO_ACCOUNTS} == set(Role)
    for account in DEMO_ACCOUNTS:
        user = user_rows().get(username=account.username)
        assert user_role(user) == account.role
        response = Client().post("/accounts/inloggen/", {"username": account.username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, account.username
    assert user_rows().get(username="partner").organisation is not None
