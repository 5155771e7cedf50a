"""The pages without media (the in-memory provider): the host's request form refuses bad input
at the field without a 500 and writes nothing; the shared board rendering never shows a call
that moved, and every session gets its own CSRF token in the pick-up forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.videocalls.selectors import queue_board
from servicepunt.videocalls.services import CallRequestInput, call_cancel, call_request

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import EntryPoint

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_request_form_refuses_bad_input_at_the_field(make_user: Callable[..., User]) -> None:
    host = _client(make_user(Role.WIJKBUREAU, "host"))
    wijkbureau = entry_points_video().first()
    assert wijkbureau is not None
    for data, field in (
        ({"wijkbureau": wijkbureau.code, "topic": "", "language": "nl"}, "topic"),
        ({"wijkbureau": wijkbureau.code, "topic": "x", "language": "xx"}, "language"),
        ({"wijkbureau": "bestaat-niet", "topic": "x", "language": "nl"}, "wijkbureau"),
        ({"wijkbureau": wijkbureau.code, "topic": "a\x00b", "language": "nl"}, "topic"),
        ({"wijkbureau": wijkbureau.code, "topic": "a\u202eb", "language": "nl"}, "topic"),
    ):
        response = host.post("/video/aanvragen/", data)
        assert response.status_code == 400, data
        assert f'id="id_{field}-error"' in response.content.decode(), data
    assert queue_board() == []
    response = host.post("/video/aanvragen/", {"wijkbureau": wijkbureau.code, "topic": "Huur", "language": "tr"})
    assert response.status_code == 302
    assert [row.call.topic for row in queue_board()] == ["Huur"]


def test_the_shared_board_follows_every_step(make_user: Callable[..., User]) -> None:
    host = make_user(Role.WIJKBUREAU, "host")
    first, second = _client(make_user(Role.SERVICEPUNT, "een")), _client(make_user(Role.SERVICEPUNT, "twee"))
    wijkbureau = entry_points_video().first()
    call = call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureau, topic="Toeslag"))
    rows = [client.get("/video/wachtrij/rijen/").content.decode() for client in (first, second)]
    assert all("Toeslag" in page for page in rows)
    tokens = [page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0] for page in rows]
    assert tokens[0] != tokens[1] and "__csrf" not in rows[0]
    # The second employee picks it up: at once, nobody's board shows it any more.
    assert second.post(f"/video/{call.uuid}/oppakken/").status_code == 302
    assert "Toeslag" not in first.get("/video/wachtrij/rijen/").content.decode()
    other = call_request(host=host, data=CallRequestInput(wijkbureau=wijkbureau, topic="Werk"))
    assert "Werk" in first.get("/video/wachtrij/rijen/").content.decode()
    call_cancel(call=other, by=host)
    assert "Er wacht nu niemand." in first.get("/video/wachtrij/rijen/").content.decode()


def test_transfer_from_the_call_page(make_user: Callable[..., User]) -> None:
    host = make_user(Role.WIJKBUREAU, "host")
    first_user, colleague_user = make_user(Role.SERVICEPUNT, "een"), make_user(Role.SERVICEPUNT, "twee")
    first, colleague = _client(first_user), _client(colleague_user)
    call = call_request(host=host, data=CallRequestInput(wijkbureau=entry_points_video().first(), topic="Schulden"))
    assert first.post(f"/video/{call.uuid}/oppakken/").status_code == 302
    page = first.get(f"/video/{call.uuid}/gesprek/").content.decode()
    assert f'value="{colleague_user.pk}"' in page and f'value="{first_user.pk}"' not in page  # not oneself
    refused = first.post(f"/video/{call.uuid}/doorzetten/", {"to": colleague_user.pk, "note": ""})
    assert refused.status_code == 302 and refused["Location"].endswith("/gesprek/")
    done = first.post(f"/video/{call.uuid}/doorzetten/", {"to": colleague_user.pk, "note": "Weet meer van schulden"})
    assert done.status_code == 302 and done["Location"] == "/video/wachtrij/"
    assert "Doorgezet naar een collega" in colleague.get("/video/wachtrij/rijen/").content.decode()
    assert first.get(f"/video/{call.uuid}/gesprek/").status_code == 404  # no longer theirs
    assert colleague.post(f"/video/{call.uuid}/oppakken/")["Location"].endswith("/gesprek/")


def _open_at(wijkbureau: EntryPoint) -> dt.datetime:
    """A moment next week when this wijkbureau's video service is open (halfway its first interval)."""
    hours = wijkbureau.opening_hours.order_by("weekday", "opens").first()
    assert hours is not None
    today = timezone.localdate()
    day = today + dt.timedelta(days=7 + (hours.weekday - today.weekday()) % 7)
    zone = timezone.get_current_timezone()
    opens = dt.datetime.combine(day, hours.opens, tzinfo=zone)
    closes = dt.datetime.combine(day, hours.closes, tzinfo=zone) if hours.closes != dt.time(0) else opens
    return opens + max(closes - opens, dt.timedelta(minutes=2)) / 2


def test_past_the_dated_threshold_the_host_is_offered_something_else(make_user: Callable[..., User]) -> None:
    host_user = make_user(Role.WIJKBUREAU, "host")
    wijkbureau = entry_points_video().first()
    assert wijkbureau is not None
    with time_machine.travel(_open_at(wijkbureau)):  # signed in then: the idle timeout counts in travelled time
        _offered_past_the_threshold(host_user, _client(host_user), wijkbureau)


def test_outside_the_video_service_hours_the_host_is_offered_something_else_at_once(
    make_user: Callable[..., User],
) -> None:
    host_user = make_user(Role.WIJKBUREAU, "host")
    wijkbureau = entry_points_video().first()
    assert wijkbureau is not None
    night = _open_at(wijkbureau).replace(hour=3, minute=0)  # no wijkbureau is open at three at night
    with time_machine.travel(night):
        call = call_request(host=host_user, data=CallRequestInput(wijkbureau=wijkbureau, topic="Nacht"))
        page = _client(host_user).get(f"/video/{call.uuid}/status/").content.decode()
    assert "Videobellen met het Servicepunt is nu gesloten." in page
    assert '<details class="sp-video-fallback" open>' in page
    with time_machine.travel(_open_at(wijkbureau)):
        page = _client(host_user).get(f"/video/{call.uuid}/status/").content.decode()
    # Open again: no longer "closed", but this resident has waited since the night.
    assert "nu gesloten" not in page and "Het wachten duurt langer dan 15 minuten." in page


def _offered_past_the_threshold(host_user: User, host: Client, wijkbureau: EntryPoint) -> None:
    fresh = call_request(host=host_user, data=CallRequestInput(wijkbureau=wijkbureau, topic="Net binnen"))
    assert "langer dan 15 minuten" not in host.get(f"/video/{fresh.uuid}/status/").content.decode()
    call_cancel(call=fresh, by=host_user)
    long_ago = timezone.now() - dt.timedelta(minutes=16)
    waiting = call_request(host=host_user, data=CallRequestInput(wijkbureau=wijkbureau, topic="Lang"), now=long_ago)
    page = host.get(f"/video/{waiting.uuid}/status/").content.decode()
    assert "Het wachten duurt langer dan 15 minuten." in page
    assert '<details class="sp-video-fallback" open>' in page
    answer = host.post(f"/video/{waiting.uuid}/anders/", {"choice": "appointment"})
    assert answer.status_code == 302
    assert "afspraak gekozen" in host.get(f"/video/{waiting.uuid}/status/").content.decode()
