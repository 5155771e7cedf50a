"""Fewer resident links: every message about the same appointments (the confirmation, a retry, the
reminder, the printed letter) carries one link while it has half its life left, instead of a new
valid key each time. A revocation, an ageing link or a changed site secret give a new one, and the
old one never silently stops working before it expires (except when revoked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from servicepunt.appointments.models import ResidentLink
from servicepunt.appointments.notify.letter import letter_notice
from servicepunt.appointments.resident.links import (
    link_lifetime,
    resident_link,
    resident_links_revoke,
    resident_token,
)
from servicepunt.appointments.tests.test_notify_support import book_single, make_resident
from servicepunt.core.link_keys import key_hash

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.appointments.tests.conftest import AgendaFactory

pytestmark = pytest.mark.django_db


def _opens(token: str) -> int:
    return Client().get(f"/afspraak/{token}/").status_code


def test_messages_about_the_same_appointments_carry_one_link(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    appointment = book_single(agenda_factory, employee, resident)
    links_after_booking = ResidentLink.objects.filter(resident=resident).count()
    first = resident_link(appointment=appointment)
    again = resident_link(appointment=appointment)
    letter = letter_notice(appointment=appointment).link
    assert first == again == letter
    assert ResidentLink.objects.filter(resident=resident).count() == max(links_after_booking, 1)
    assert _opens(resident_token(appointment=appointment)) == 200


def test_a_revoked_link_is_not_reused(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    old = resident_token(appointment=appointment)
    resident_links_revoke(resident=appointment.resident, by=employee)
    new = resident_token(appointment=appointment)
    assert new != old
    assert _opens(old) == 410 and _opens(new) == 200


def test_a_link_past_half_its_life_gives_way_to_a_new_one_and_keeps_working(
    agenda_factory: AgendaFactory, employee: User
) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    old = resident_token(appointment=appointment)
    ResidentLink.objects.filter(key_hash=key_hash(old)).update(expires_at=timezone.now() + link_lifetime() * 0.4)
    new = resident_token(appointment=appointment)
    assert new != old
    assert _opens(old) == 200 and _opens(new) == 200
    assert resident_token(appointment=appointment) == new


def test_a_changed_site_secret_makes_a_new_link_not_a_broken_one(agenda_factory: AgendaFactory, employee: User) -> None:
    appointment = book_single(agenda_factory, employee, make_resident(employee))
    old = resident_token(appointment=appointment)
    with override_settings(SECRET_KEY="another-secret-after-rotation-" + "x" * 40):
        new = resident_token(appointment=appointment)
        assert new != old
        assert ResidentLink.objects.filter(key_hash=key_hash(new)).exists()
        assert _opens(new) == 200 and _opens(old) == 200  # the old key still opens: only its hash is checked


def test_other_appointments_get_a_link_of_their_own(agenda_factory: AgendaFactory, employee: User) -> None:
    resident = make_resident(employee)
    one = book_single(agenda_factory, employee, resident)
    other = book_single(agenda_factory, employee, make_resident(employee))
    assert resident_token(appointment=one) != resident_token(appointment=other)
