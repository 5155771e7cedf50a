from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_create
from servicepunt.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


def test_login_with_the_right_password_leads_to_the_first_page_of_the_role(make_user: Callable[..., User]) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    response = Client().post("/accounts/inloggen/", {"username": "sanne", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert Client().get("/").status_code == 302


def test_repeated_wrong_passwords_lock_the_account_for_a_while(make_user: Callable[..., User]) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    client = Client()
    for _ in range(5):
        client.post("/accounts/inloggen/", {"username": "sanne", "password": "wrong"})
    response = client.post("/accounts/inloggen/", {"username": "sanne", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert "Te vaak" in response.content.decode()


def test_a_wrong_password_gives_a_clear_message(make_user: Callable[..., User]) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    response = Client().post("/accounts/inloggen/", {"username": "sanne", "password": "wrong"})
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_a_partner_account_must_belong_to_an_organisation() -> None:
    with pytest.raises(InvalidInput) as caught:
        user_create(username="p", password="a-long-test-password", role=Role.PARTNER)
    assert caught.value.field == "organisation"
