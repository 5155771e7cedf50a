"""Bad input never gives a server error: every page of every URL pattern, every form on it and
its query parameters, walked as every role with malformed values (NUL, 1 MB, malformed UUIDs and
dates, out-of-range numbers, inf/nan, wrong types, missing fields).

A refused request writes nothing: when a form answers with its errors (not a redirect), the
number of rows in every table but the access log and the login bookkeeping is unchanged.

The walk is bounded and seeded, so a failure is reproducible; each form is tried once per role
however many pages show it; the counts are printed at the end (``pytest -s``). The API is walked
by schemathesis.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from servicepunt.accounts.testing import user_rows

pytestmark = pytest.mark.django_db

MALFORMED: tuple[str, ...] = (
    "\x00",
    "a\x00b",
    "x" * 1_000_000,
    "",
    "   ",
    "abc",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "inf",
    "-inf",
    "nan",
    "1.800,50",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "25:61",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "\u202eevil",
    "٣٤",
    "[]",
    '{"a": 1}',
)
QUERY_NAMES = ("vraag", "agenda", "start", "einde", "datum", "q", "name", "bsn", "page", "taal", "sleutel", "mode")
SKIPPED = ("beheer/", "api/", "static/", "i18n/", "accounts/uitloggen/", "health")
SEED = 20261202
VALUES_PER_FIELD = 3
# Tables a refused request may still write to: the access log (every view of personal data is
# logged, also one that ends in a form error), sessions, the login lockout bookkeeping and the
# security log (a wrong second-step code is exactly what it records).
MAY_WRITE = ("audit_", "django_session", "axes_", "accounts_securityevent")


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)


class _Forms(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action") or self.page, (a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea") and a.get("name"):
            if a.get("type") in ("radio", "checkbox") and a["name"] in self._form.fields:
                return
            self._form.fields[a["name"]] = a.get("value", "")
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select = a["name"]
            self._form.fields[self._select] = ""
        elif self._form is not None and tag == "option" and self._select and not self._form.fields[self._select]:
            self._form.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def _row_counts_query() -> str:
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and not model._meta.db_table.startswith(MAY_WRITE)
    )
    quote = connection.ops.quote_name
    return " UNION ALL ".join(f"SELECT '{table}', COUNT(*) FROM {quote(table)}" for table in tables)  # noqa: S608 - table names from the app registry


@dataclass
class Walk:
    requests: int = 0
    refused: int = 0
    errors: list[str] = field(default_factory=list)
    seen_forms: set[tuple[str, str, tuple[str, ...]]] = field(default_factory=set)
    counts_query: str = field(default_factory=_row_counts_query)

    def _counts(self) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(self.counts_query)
            return list(cursor.fetchall())

    def check(self, client: Client, method: str, url: str, data: dict[str, str] | None = None) -> str:
        self.requests += 1
        before = self._counts() if method == "post" else None
        response = getattr(client, method)(url, data or {})
        shown = {k: (v[:30] + "…" if len(v) > 30 else v) for k, v in (data or {}).items() if k != "csrfmiddlewaretoken"}
        if response.status_code >= 500:
            self.errors.append(f"{response.status_code} {method.upper()} {url} {shown}")
        elif before is not None and response.status_code not in (301, 302, 303):
            self.refused += 1
            changed = [a[0] for a, b in zip(before, self._counts(), strict=True) if a != b]
            if changed:
                self.errors.append(f"refused but wrote {changed}: POST {url} {shown}")
        return response.content.decode(errors="replace") if response.status_code == 200 else ""

    def first_time(self, form: Form) -> bool:
        key = (form.action, form.method, tuple(sorted(form.fields)))
        if key in self.seen_forms:
            return False
        self.seen_forms.add(key)
        return True


def _urls(world: dict[str, str]) -> list[str]:
    urls = []
    for route in _patterns():
        if route.startswith(SKIPPED) or route == "":
            continue
        path = re.sub(r"<uuid:uuid>", world.get(route.split("/")[0], world["vraagstukken"]), route)
        path = re.sub(r"<key:token>", "kapot-of-verlopen", path)
        path = re.sub(r"<guestkey:token>", "kapot-of-verlopen", path)
        path = re.sub(r"<slug:step>", "geld", path)
        path = re.sub(r"<slug:action>", "notitie", path)
        path = re.sub(r"<slug:code>", "huurtoeslag", path)
        if "<" in path:
            continue
        urls.append("/" + path)
    return urls


@pytest.fixture
def world(make_user: object) -> dict[str, str]:
    from servicepunt.appointments.testing import appointment_rows
    from servicepunt.cases.testing import case_rows
    from servicepunt.demo.accounts import demo_accounts_create
    from servicepunt.demo.agendas import agendas_load_demo
    from servicepunt.demo.handovers import demo_handovers_add
    from servicepunt.demo.residents import demo_residents_create
    from servicepunt.handovers.testing import handover_rows
    from servicepunt.infoflits.testing import infoflits_rows

    demo_accounts_create()
    agendas_load_demo()
    demo_residents_create(count=4, registered_by=user_rows().get(username="medewerker"), extend=[demo_handovers_add])
    case = case_rows().filter(status="open").first() or case_rows().first()
    assert case is not None
    handover = handover_rows().first()
    session = infoflits_rows().first()
    appointment = appointment_rows().first()
    return {
        "vraagstukken": str(case.uuid),
        "inwoners": str(case.resident.uuid),
        "overdrachten": str(handover.uuid) if handover else str(case.uuid),
        "infoflits": str(session.uuid) if session else str(case.uuid),
        "afspraak": str(appointment.uuid) if appointment else str(case.uuid),
    }


@pytest.mark.parametrize(
    "username", ["medewerker", "wijkbureau", "partner", "teamleider", "beheerder", "privacy", "anonymous"]
)
def test_no_page_gives_a_server_error_on_malformed_input(world: dict[str, str], username: str) -> None:
    rng = random.Random(f"{SEED}-{username}")
    client = Client(raise_request_exception=False)
    if username != "anonymous":
        client.force_login(user_rows().get(username=username))
    walk = Walk()
    for url in _urls(world):
        page = walk.check(client, "get", url)
        for name in QUERY_NAMES:
            walk.check(client, "get", url, {name: rng.choice(MALFORMED)})
        parser = _Forms(url)
        parser.feed(page)
        for form in parser.forms:
            if not form.fields or not walk.first_time(form):
                continue
            method = "post" if form.method == "post" else "get"
            for name in [n for n in form.fields if n != "csrfmiddlewaretoken"]:
                for value in rng.sample(MALFORMED, VALUES_PER_FIELD):
                    walk.check(client, method, form.action, {**form.fields, name: value})
                missing = {k: v for k, v in form.fields.items() if k != name}
                walk.check(client, method, form.action, missing)
    print(f"\n{username}: {walk.requests} requests ({walk.refused} refused posts), {len(walk.errors)} errors")
    assert not walk.errors, "\n".join(walk.errors[:40])
