"""Fixtures of the employee's pages: a client signed in as the Servicepunt employee, and the demo
agendas for the booking pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

if TYPE_CHECKING:
    from servicepunt.accounts.models import User


@pytest.fixture
def client(employee: User) -> Client:
    client = Client()
    client.force_login(employee)
    return client


@pytest.fixture
def agendas(demo_agendas: None) -> None:
    """The demo agendas (the root fixture `demo_agendas`)."""
