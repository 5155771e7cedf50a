"""Shared fixtures: the bundled catalogue loaded once per test session, and one user per role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model

from servicepunt.accounts.models import User
from servicepunt.accounts.roles import Role

# The catalogue rows as the first load left them, per test process. A browser test runs on a
# flushed database and needs the catalogue again; loading the files takes seconds (on PostgreSQL
# ten or more), putting the same rows back takes a fraction of that.
_catalogue_rows: dict[type[Model], list[Model]] = {}


def _catalogue_models() -> list[type[Model]]:
    return [
        model for model in apps.get_app_config("catalogue").get_models(include_auto_created=True) if model._meta.managed
    ]


def load_reference_data() -> None:
    from servicepunt.accounts.services import roles_sync
    from servicepunt.catalogue.services import catalogue_load, upl_load

    if not _catalogue_rows:
        upl_load()
        catalogue_load()
        _catalogue_rows.update({model: list(model._default_manager.all()) for model in _catalogue_models()})
    elif not max(_catalogue_rows, key=lambda model: len(_catalogue_rows[model]))._default_manager.exists():
        with transaction.atomic():  # foreign keys are checked at the end, so the order is free
            for model, rows in _catalogue_rows.items():
                model._default_manager.bulk_create(rows)
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), list(_catalogue_rows)):
                    cursor.execute(statement)
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
def employee(make_user: Callable[..., User]) -> User:
    """The Servicepunt employee most tests act as."""
    return make_user(Role.SERVICEPUNT)


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
def reference_data(transactional_db: None) -> None:
    """A transactional test's database (flushed by an earlier one) with the catalogue and the
    role groups back."""
    load_reference_data()


@pytest.fixture
def loaded_live_server(live_server: object, transactional_db: None) -> object:
    """A live server whose (flushed) database holds the catalogue and the demo accounts."""
    from servicepunt.accounts.demo import demo_accounts_create

    load_reference_data()
    demo_accounts_create()
    return live_server
