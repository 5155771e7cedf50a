"""Shared fixtures: the bundled catalogue loaded once per test session, and one user per role."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role


def load_reference_data() -> None:
    from servicepunt.accounts.services import roles_sync
    from servicepunt.catalogue.services import catalogue_load, upl_load

    upl_load()
    catalogue_load()
    roles_sync()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        load_reference_data()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    from servicepunt.accounts.services import user_create
    from servicepunt.catalogue.models import Organisation

    def make(role: Role, username: str | None = None, organisation: str | None = None) -> User:
        org = None
        if role == Role.PARTNER:
            org = Organisation.objects.get(code=organisation or "juridisch-loket")
        return user_create(
            username=username or role.value, password="a-long-test-password", role=role, organisation=org
        )

    return make


@pytest.fixture
def run_tasks(db: None) -> Callable[..., int]:
    """Run the queued tasks now (see core.testing.tasks.tasks_run); returns how many ran."""
    from servicepunt.core.testing.tasks import tasks_run

    return tasks_run


@pytest.fixture
def sms_outbox() -> list[object]:
    """What the test preset's SMS provider "sent", emptied for this test."""
    from servicepunt.appointments.tests.sms import RecordingSmsBackend

    RecordingSmsBackend.outbox.clear()
    return RecordingSmsBackend.outbox  # type: ignore[return-value]


@pytest.fixture
def loaded_live_server(live_server: object, transactional_db: None) -> object:
    """A live server whose (flushed) database holds the catalogue and the demo accounts."""
    from servicepunt.accounts.demo import demo_accounts_create

    load_reference_data()
    demo_accounts_create()
    return live_server
