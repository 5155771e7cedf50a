"""Sessions: the idle timeout besides the absolute age, and the login lockout per account and
per address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
PASSWORD = "a-long-test-password"
HOME = "/catalogus/"
IDLE_MESSAGE = "U was te lang niet actief"


@pytest.fixture
def signed_in(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


def test_a_session_without_requests_for_the_idle_timeout_ends_with_a_message(signed_in: Client) -> None:
    with time_machine.travel(START, tick=False) as clock:
        assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=29))
        assert signed_in.get(HOME).status_code == 200  # activity: the half hour starts again
        clock.shift(dt.timedelta(minutes=29))
        assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        response = signed_in.get(HOME)
        assert response.status_code == 302 and response["Location"] == f"/accounts/inloggen/?next={HOME}"
        login_page = signed_in.get(response["Location"]).content.decode()
        assert IDLE_MESSAGE in login_page
        # Signed out for real: the next request is anonymous too.
        assert signed_in.get(HOME)["Location"].startswith("/accounts/inloggen/")


def test_htmx_requests_count_as_activity_and_an_expired_one_loads_the_login_page(signed_in: Client) -> None:
    with time_machine.travel(START, tick=False) as clock:
        assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=25))
        assert signed_in.post("/triage/", {"text": "schulden"}, headers={"HX-Request": "true"}).status_code == 200
        clock.shift(dt.timedelta(minutes=25))  # 50 minutes after the page, 25 after the htmx request
        assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=45))
        expired = signed_in.post("/triage/", {"text": "schulden"}, headers={"HX-Request": "true"})
        assert expired.status_code == 204 and expired["HX-Redirect"] == "/accounts/inloggen/"


def test_the_idle_timeout_is_a_setting(signed_in: Client, settings: object) -> None:
    settings.SERVICEPUNT_IDLE_TIMEOUT_MINUTES = 5  # type: ignore[attr-defined]
    with time_machine.travel(START, tick=False) as clock:
        assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=6))
        assert signed_in.get(HOME).status_code == 302


def test_an_active_session_still_ends_after_the_absolute_age(signed_in: Client) -> None:
    with time_machine.travel(START, tick=False) as clock:
        assert signed_in.get(HOME).status_code == 200
        for _ in range(8 * 3):  # a request every 20 minutes for 8 hours
            clock.shift(dt.timedelta(minutes=20))
            assert signed_in.get(HOME).status_code == 200
        clock.shift(dt.timedelta(minutes=20))
        response = signed_in.get(HOME)
        assert response.status_code == 302
        assert "U bent al lang ingelogd" in signed_in.get(response["Location"]).content.decode()


def test_an_expired_api_session_answers_problem_json(signed_in: Client) -> None:
    with time_machine.travel(START, tick=False) as clock:
        assert signed_in.get("/api/v1/products").status_code == 200
        clock.shift(dt.timedelta(minutes=31))
        response = signed_in.get("/api/v1/products")
        assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"


# --- the lockout -----------------------------------------------------------------------------


def _try(username: str, password: str, address: str) -> int:
    response = Client(REMOTE_ADDR=address).post("/accounts/inloggen/", {"username": username, "password": password})
    return int(response.status_code)


def test_failures_on_one_account_from_many_addresses_lock_the_account(make_user: Callable[..., User]) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    for n in range(4):
        assert _try("sanne", "wrong", f"192.0.2.{n + 1}") == 200
    assert _try("sanne", "wrong", "192.0.2.5") == 429  # the fifth failure locks
    # The right password from yet another address: the account is locked, not only the addresses.
    assert _try("sanne", PASSWORD, "198.51.100.7") == 429


def test_spraying_passwords_over_many_accounts_from_one_address_locks_the_address(
    make_user: Callable[..., User],
) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    for n in range(19):
        assert _try(f"account-{n}", "Welkom2026!", "203.0.113.9") == 200
    assert _try("account-19", "Welkom2026!", "203.0.113.9") == 429  # the twentieth locks the address
    assert _try("sanne", PASSWORD, "203.0.113.9") == 429
    # Sanne's account itself is not locked: from her own address she gets in.
    assert _try("sanne", PASSWORD, "192.0.2.44") == 302


def test_colleagues_behind_one_address_are_not_locked_by_a_few_typing_errors(
    make_user: Callable[..., User],
) -> None:
    make_user(Role.SERVICEPUNT, username="sanne")
    for n in range(10):  # ten colleagues each mistype once, all behind the municipality's one address
        assert _try(f"collega-{n}", "typo", "203.0.113.10") == 200
    assert _try("sanne", PASSWORD, "203.0.113.10") == 302
