"""Everything the server logs during a whole flow holds no BSN, name, phone number, birth date,
resident's words or resident link key.

The flow runs against a real server thread with runserver's own request handler (so its request
lines in `django.server` are part of what is checked), every logger at DEBUG, and reads what the
configured log handler wrote (after its filter) plus everything on stdout/stderr (structlog):
register a resident with a BSN and a phone number, search for them (by POST, and once by an old
GET address with the criteria in it), triage in their words, book an appointment, open the
resident's link (also a broken, a refused and an unknown address under it)."""

from __future__ import annotations

import http.cookiejar
import io
import logging
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.test import Client

from servicepunt.appointments.resident.links import resident_link
from servicepunt.appointments.selectors import appointment_history
from servicepunt.cases.selectors import resident_search, residents_visible
from servicepunt.cases.services import question_link
from servicepunt.catalogue.selectors import product_detail
from servicepunt.demo.agendas import agendas_load_demo

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999990019"
GIVEN, SURNAME = "Zeynep", "Oosterhuis"
PHONE, PHONE_E164 = "06 34567890", "+31634567890"
BORN = "1984-07-21"
WORDS = "Zeynep Oosterhuis kan de huur niet betalen en heeft schulden"
CSRF = "k" * 32  # a CSRF secret of our own, sent as cookie and header


class Server:
    """A runserver-like server (WSGIRequestHandler logs each request to django.server)."""

    def __init__(self) -> None:
        self.httpd = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler, ipv6=False)
        self.httpd.set_app(get_wsgi_application())
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            self.httpd.serve_forever(poll_interval=0.05)
        finally:
            connections.close_all()

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


class Browser:
    """Requests with the employee's session and a CSRF token, never following redirects."""

    def __init__(self, base: str, session: str) -> None:
        self.base, self.session = base, session

    def send(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, method=method)  # noqa: S310 - our own http server
        request.add_header("Cookie", f"sessionid={self.session}; csrftoken={CSRF}")
        request.add_header("X-CSRFToken", CSRF)
        opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@pytest.fixture
def everything_logged(capfd: pytest.CaptureFixture[str]) -> Iterator[Callable[[], str]]:
    """Every logger at DEBUG, the configured handlers writing into one buffer (their filters
    still apply: this is what the server would have written)."""
    buffer = io.StringIO()
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)
    ]
    levels = [(logger, logger.level) for logger in loggers]
    streams = []
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        for handler in logger.handlers:
            if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
                # Not setStream: it flushes the old stream, which may be a closed capture file.
                streams.append((handler, handler.stream))
                handler.stream = buffer
    assert streams, "no configured log handler found"

    def logged() -> str:
        out, err = capfd.readouterr()
        buffer.write(out + err)
        return buffer.getvalue()

    try:
        yield logged
    finally:
        for handler, stream in streams:
            handler.stream = stream
        for logger, level in levels:
            logger.setLevel(level)


def test_a_whole_flow_logs_no_personal_data_and_no_key(
    reference_data: None, employee: User, everything_logged: Callable[[], str]
) -> None:
    agendas_load_demo()
    client = Client()
    client.force_login(employee)
    with Server() as server:
        browser = Browser(server.url, client.cookies["sessionid"].value)
        registration = {
            "given_name": GIVEN,
            "surname": SURNAME,
            "date_of_birth": BORN,
            "phone": PHONE,
            "contact_preference": "phone",
            "preferred_language": "nl",
            "bsn": BSN,
            "question": WORDS,
        }
        status, location, _page = browser.send("POST", "/inwoners/nieuw/", registration)
        assert status == 302, _page[:300]
        case_path = location
        for criteria in ({"bsn": BSN}, {"name": f"{GIVEN} {SURNAME}"}, {"phone": PHONE}, {"date_of_birth": BORN}):
            status, _, page = browser.send("POST", "/inwoners/", criteria)
            assert status == 200 and SURNAME in page, criteria
        # An old bookmark with the criteria in the address: answered, and its query left out of the log.
        browser.send("GET", "/inwoners/?" + urllib.parse.urlencode({"bsn": BSN, "name": SURNAME, "phone": PHONE}))
        status, _, page = browser.send("POST", "/triage/", {"text": WORDS})
        assert status == 200
        browser.send("GET", "/triage/?" + urllib.parse.urlencode({"text": WORDS}))

        (resident,) = resident_search(within=residents_visible(employee), bsn=BSN)
        case = resident.cases.get()
        question = case.questions.get()
        question_link(question=question, product=product_detail(code="bijstand"), by=employee)
        status, _, page = browser.send("GET", f"{case_path}afspraak/?vraag={question.uuid}")
        assert status == 200
        form = re.search(r'<form method="post" action="([^"]*boeken/)">(.*?)</form>', page, re.S)
        assert form is not None
        fields = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', form.group(2)))
        status, _, _page = browser.send("POST", form.group(1), fields)
        assert status == 302
        appointment = question.appointments.get()
        assert appointment_history(appointment=appointment).exists()

        link = resident_link(appointment=appointment)
        key = link.rsplit("/", 2)[-2]
        path = urllib.parse.urlsplit(link).path
        status, _, page = browser.send("GET", path)
        assert status == 200 and "Uw afspraken" in page
        browser.send("GET", f"{path}{appointment.uuid}/annuleren/")
        browser.send("GET", f"/afspraak/{key}x/")  # refused
        browser.send("GET", f"/afspraak/{key}/bestaat-niet/")  # unknown address: Django logs "Not Found"
        browser.send("GET", f"{case_path}?bsn={BSN}")
    logged = everything_logged()
    assert "/inwoners/" in logged and "/afspraak/" in logged  # the request lines are there ...
    secrets = {
        "BSN": BSN,
        "given name": GIVEN,
        "surname": SURNAME,
        "phone": PHONE,
        "phone (stored)": PHONE_E164,
        "phone (in a URL)": urllib.parse.quote_plus(PHONE),
        "birth date": BORN,
        "resident's words": "huur niet betalen",
        "resident's words (in a URL)": "huur+niet+betalen",
        "link key": key,
        "link key (start)": key[:12],
    }
    found = {what: value for what, value in secrets.items() if value.lower() in logged.lower()}
    assert not found, f"in the log: {found}\n{logged[:3000]}"  # ... but nothing personal in them
