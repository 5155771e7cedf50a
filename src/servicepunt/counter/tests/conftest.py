"""Fixtures of the employee's pages: a client signed in as the Servicepunt employee, and the demo
agendas for the booking pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.appointments.demo import agendas_load_demo

if TYPE_CHECKING:
    from servicepunt.accounts.models import User


@pytest.fixture
def client(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


@pytest.fixture
def agendas(db: None) -> None:
    agendas_load_demo()
