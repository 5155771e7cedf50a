"""Shared fixtures: the bundled catalogue loaded once per test session, one user per role, and
the small test catalogue for the tests that are not about the catalogue's content.

Which catalogue a test runs on:
- The real catalogue (`catalogue/data/`, loaded once per session below) is what every test sees
  by default. Tests about its content stay on it: catalogue data validity and loading
  (`catalogue/tests`), triage quality on real stories and the safety routing to the real urgent
  services (`triage/tests`; the triage needs file names real products, so triage does not run
  on the small catalogue), the infoflits rules and suggestions of real products
  (`infoflits/tests`), the demo agendas and the booking, case and summary pages that name real
  products (`appointments/tests`, `counter/tests`, `summary/tests`), the whole-site tests in
  `config/tests` (they walk the demo world).
- The small test catalogue (`catalogue/testing/data/`, fixture `small_catalogue`): the handovers'
  state machine and the partner's inbox (`handovers/tests/test_handovers.py`,
  `test_partner_pages.py`), the agenda hours and the agenda admin
  (`appointments/tests/test_agenda_hours.py`, `test_admin.py`) and the proof of the mechanism
  (`catalogue/tests/test_small_catalogue.py`). An edit of the real catalogue cannot break them.
  Tests that need no catalogue row at all (most of `cases/tests`) need neither.
- The small catalogue replaces the real rows inside the test's transaction: use it in `db`
  tests, listed first (`pytest.mark.usefixtures("small_catalogue")`), before rows that refer to
  the catalogue are made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Model
from django.test import Client

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
def small_catalogue(db: None) -> None:
    """The small test catalogue instead of the real one, for this test only (its transaction
    is rolled back after it). Only for tests in a transaction (`db`), not `transactional_db`."""
    from servicepunt.catalogue.testing import small_catalogue_install

    small_catalogue_install()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    from servicepunt.accounts.services import user_create
    from servicepunt.catalogue.testing import organisation as organisation_by_code
    from servicepunt.catalogue.testing import small_catalogue_in_use

    def make(role: Role, username: str | None = None, organisation: str | None = None) -> User:
        org = None
        if role == Role.PARTNER:
            # by default a partner of the real catalogue, or of the small one when a test uses it
            default = "test-partner" if small_catalogue_in_use() else "juridisch-loket"
            org = organisation_by_code(organisation or default)
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
def demo_agendas(db: None) -> None:
    """The demo agendas of `servicepunt demo`, for the booking pages (tests of the floor the demo
    app shares may not import it)."""
    from servicepunt.demo.agendas import agendas_load_demo

    agendas_load_demo()


@pytest.fixture
def loaded_live_server(live_server: object, transactional_db: None) -> object:
    """A live server whose (flushed) database holds the catalogue and the demo accounts."""
    from servicepunt.demo.accounts import demo_accounts_create

    load_reference_data()
    demo_accounts_create()
    return live_server


@pytest.fixture(autouse=True, scope="session")
def _signed_in_clients_passed_the_second_factor() -> Iterator[None]:
    """`Client.force_login` signs a test client in as if the user also passed the second factor
    (a confirmed authenticator app and its verification in the session), so every test that
    signs in reads as before. Tests of the second step itself sign in with `unverified_login`;
    browser tests go through the real pages (core.testing.browser.login)."""
    from servicepunt.core.testing.otp import verified_force_login

    original = Client.force_login
    Client.force_login = verified_force_login  # type: ignore[method-assign,assignment]
    yield
    Client.force_login = original  # type: ignore[method-assign]
