"""Every view of personal data is logged; the log is append-only and only the privacy officer
reads it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from servicepunt.accounts.roles import Role
from servicepunt.audit.services import access_record
from servicepunt.audit.testing import AppendOnlyError, access_log_rows
from servicepunt.infoflits.models import Infoflits

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db


def test_viewing_an_infoflits_is_logged_with_who_what_where_and_why(make_user: Callable[..., User]) -> None:
    client = Client()
    employee = make_user(Role.SERVICEPUNT)
    client.force_login(employee)
    client.post("/infoflits/", {"question_text": "schulden"})
    infoflits = Infoflits.objects.latest("started_at")
    client.get(f"/infoflits/{infoflits.uuid}/")
    client.get(f"/infoflits/{infoflits.uuid}/versies/")
    entries = list(access_log_rows().filter(subject_id=str(infoflits.uuid)).order_by("id"))
    assert [e.screen for e in entries] == ["infoflits.flow", "infoflits.versions"]
    assert {e.user for e in entries} == {employee}
    assert all(e.subject_type == "infoflits" and e.purpose for e in entries)


def test_a_refused_view_writes_no_log_line(make_user: Callable[..., User]) -> None:
    owner = Client()
    owner.force_login(make_user(Role.SERVICEPUNT))
    owner.post("/infoflits/", {"question_text": "schulden"})
    infoflits = Infoflits.objects.latest("started_at")
    other = Client()
    other.force_login(make_user(Role.WIJKBUREAU))
    assert other.get(f"/infoflits/{infoflits.uuid}/").status_code == 404
    assert not access_log_rows().exists()


def test_entries_cannot_be_changed_or_removed(make_user: Callable[..., User]) -> None:
    entry = access_record(
        user=make_user(Role.SERVICEPUNT), subject_type="infoflits", subject_id="x", screen="test", purpose="test"
    )
    entry.purpose = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        access_log_rows().filter(pk=entry.pk).update(purpose="changed")
    with pytest.raises(AppendOnlyError):
        access_log_rows().all().delete()


def test_the_privacy_officer_reads_and_filters_the_log(make_user: Callable[..., User]) -> None:
    employee = make_user(Role.SERVICEPUNT)
    access_record(
        user=employee, subject_type="infoflits", subject_id="kenmerk-abc", screen="infoflits.flow", purpose="p"
    )
    access_record(
        user=employee, subject_type="infoflits", subject_id="kenmerk-def", screen="infoflits.flow", purpose="p"
    )
    privacy = Client()
    privacy.force_login(make_user(Role.PRIVACY))
    page = privacy.get("/privacy/toegangslog/", {"kenmerk": "kenmerk-abc"}).content.decode()
    assert "kenmerk-abc" in page and "kenmerk-def" not in page
    assert "Vul een datum in" in privacy.get("/privacy/toegangslog/", {"datum": "gisteren"}).content.decode()
