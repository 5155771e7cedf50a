"""The permission matrix, generated from the URL patterns: every named pattern × every role and
anonymous, so a new URL cannot go untested.

`TABLE` declares for every URL name how to call it (method, kwargs, query, body), which roles may,
which roles get 404 because the object belongs to someone else's work, and what anonymous gets.
An allowed role must really get the page (200 and something only that page shows) or the
action's result (a redirect and a row written); a refused role gets exactly 403 (or exactly 404
where declared hidden) and writes nothing. A hidden role is then also tried on its own work, so
"hidden" never passes for a role that simply cannot use the page at all.

One world (users, residents, cases, an infoflits, handovers and appointments, made with the real
services) is built per module inside a transaction that is rolled back at the end; every test
runs in a savepoint of it, so a POST in one test never leaks into the next.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.test.client import ClientHandler
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from servicepunt.accounts.roles import Role
from servicepunt.accounts.services import user_create
from servicepunt.appointments.resident.links import LinkRefused, resident_access
from servicepunt.appointments.testing import AppointmentStatus, appointment_rows, arrangement_rows
from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.services import case_infoflits_start
from servicepunt.cases.testing import case_rows, note_rows
from servicepunt.catalogue.testing import organisation_rows
from servicepunt.config.tests.matrix_checks import (
    STEP_AFTER_WONEN,
    Check,
    Text,
    api,
    case_path,
    case_started_infoflits,
    flow_path,
    h1,
    health_check,
    home_check,
    lacks,
    login_check,
    mine,
    not_mine,
    opened_case,
    pdf,
    redirects,
    schema_check,
    show,
    shows,
    suggestions_marker,
    visible_residents,
)
from servicepunt.config.tests.matrix_world import ELSEWHERE, PASSWORD, SUBJECT, Ctx, VideoWork, World, world_build
from servicepunt.core.tests.test_headers import assert_strict_csp
from servicepunt.handovers.testing import handover_rows
from servicepunt.infoflits.testing import infoflits_rows, situation_version_rows, suggestion_decision_rows
from servicepunt.videocalls.guests import guest_count
from servicepunt.videocalls.selectors import call_state
from servicepunt.videocalls.services import call_end

pytestmark = pytest.mark.django_db

# Not walked: `beheer/` is Django's admin, whose URLs are generated per registered model and
# guarded by Django's own is_staff and model permissions (accounts/tests/test_permission_matrix.py
# tries /beheer/ for every role, each app's admin tests what may be edited there); `static/`
# serves files (WhiteNoise, or django.conf.urls.static under DEBUG) with no access rule.
SKIPPED_PREFIXES = ("beheer/", "static/")
LOGIN_PATH = "/accounts/inloggen/"
PROBLEM_JSON = "application/problem+json"


def url_names() -> tuple[set[str], list[str]]:
    """Every `namespace:name` of the URL configuration, and the routes that have no name."""
    names: set[str] = set()
    unnamed: list[str] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str, namespace: tuple[str, ...]) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if route.startswith(SKIPPED_PREFIXES):
                continue
            if isinstance(pattern, URLResolver):
                inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
                walk(pattern.url_patterns, route, inner)
            elif pattern.name:
                names.add(":".join((*namespace, pattern.name)))
            else:
                unnamed.append(route)

    walk(get_resolver().url_patterns, "", ())
    return names, unnamed


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield world_build()
        transaction.set_rollback(True)


# --- the table -----------------------------------------------------------------------------------


class Anonymous(enum.Enum):
    LOGIN = "sent to the login page"
    API = "401/403 problem+json"
    PUBLIC = "the same answer as a signed-in user"


def _none(ctx: Ctx) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Entry:
    method: str
    allowed: frozenset[Role]
    check: Check
    hidden: frozenset[Role] = frozenset()
    anonymous: Anonymous = Anonymous.LOGIN
    kwargs: Callable[[Ctx], dict[str, Any]] = _none
    query: Callable[[Ctx], dict[str, Any]] = _none
    data: Callable[[Ctx], dict[str, Any]] = _none
    json: bool = False
    # What the POST writes: an allowed role changes it, a refused or hidden role leaves it as it was.
    written: Callable[[Ctx], object] | None = None
    # Known access bugs, per role (None = anonymous): xfail(strict=True) with the reason.
    bugs: tuple[tuple[Role | None, str], ...] = ()


ALL = frozenset(Role)
PRIVACY = frozenset({Role.PRIVACY})


def _resident_kwargs(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.resident.uuid}


CASEWORK = frozenset({Role.SERVICEPUNT, Role.WIJKBUREAU})
WIJKBUREAU = frozenset({Role.WIJKBUREAU})
PARTNER = frozenset({Role.PARTNER})
SERVICEPUNT = frozenset({Role.SERVICEPUNT})
TRIAGE = frozenset({Role.SERVICEPUNT, Role.WIJKBUREAU, Role.TEAMLEIDER, Role.BEHEERDER})


def _case(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.case.uuid}


def _resident(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.resident.uuid}


def _infoflits(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.infoflits.uuid}


def _handover(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.handover.uuid}


def _appointment(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": ctx.work.appointment.uuid}


def _key(ctx: Ctx) -> dict[str, Any]:
    return {"token": ctx.work.token}


def _keyed_appointment(ctx: Ctx) -> dict[str, Any]:
    return {"token": ctx.work.token, "uuid": ctx.work.appointment.uuid}


def _link_works(ctx: Ctx) -> bool:
    try:
        resident_access(ctx.work.token)
    except LinkRefused:
        return False
    return True


def _video(ctx: Ctx) -> VideoWork:
    return ctx.world.video[ctx.work.owner.pk]


def _waiting(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": _video(ctx).waiting.uuid}


def _held(ctx: Ctx) -> dict[str, Any]:
    return {"uuid": _video(ctx).held.uuid}


def _guest_key(ctx: Ctx) -> dict[str, Any]:
    return {"token": _video(ctx).guest_key}


def _colleague(ctx: Ctx) -> Any:
    """Another Servicepunt employee who picks up video calls (of the other work)."""
    return next(video.employee for video in ctx.world.video.values() if video.employee != _video(ctx).employee)


def _waiting_with_free_hands(ctx: Ctx) -> dict[str, Any]:
    """The waiting call, after its employee ended the call they hold (an employee holds one call
    at a time); inside the test's savepoint, so the next test sees the world as built."""
    video = _video(ctx)
    if ctx.role == Role.SERVICEPUNT:
        call_end(call=video.held, by=video.employee, outcome="Klaar")
    return _waiting(ctx)


def _call_state(call: Any) -> object:
    return call_state(uuid=call.uuid)


def _booked(ctx: Ctx) -> object:
    return sorted(appointment_rows().filter(status=AppointmentStatus.BOOKED).values_list("pk", "start", "agenda"))


def _case_page(*also: Text) -> Check:
    return h1(lambda ctx: f"Vraagstuk van {ctx.work.resident.full_name}", *also)


def _slot_body(ctx: Ctx) -> dict[str, Any]:
    slot = ctx.world.slot
    return {
        "question": ctx.work.open_question.uuid,
        "agenda": slot.agenda.pk,
        "product": slot.product.code,
        "start": slot.start.isoformat(),
        "mode": "in_person",
    }


def _combination_body(ctx: Ctx) -> dict[str, Any]:
    parts = ctx.world.combination.parts
    questions = {
        ctx.work.open_question.product_id: ctx.work.open_question,
        ctx.work.second_question.product_id: ctx.work.second_question,
    }
    return {
        "kind": "joint",
        "mode": "video",
        "question": [questions[part.product.pk].uuid for part in parts],
        "agenda": [part.agenda.pk for part in parts],
        "product": [part.product.code for part in parts],
        "start": [part.start.isoformat() for part in parts],
    }


TABLE: dict[str, Entry] = {
    # --- public and every signed-in user
    "home": Entry("get", ALL, home_check),
    "core:health": Entry("get", ALL, health_check, anonymous=Anonymous.PUBLIC),
    "accounts:login": Entry("get", ALL, login_check, anonymous=Anonymous.PUBLIC),
    "accounts:logout": Entry("post", ALL, redirects(LOGIN_PATH), anonymous=Anonymous.PUBLIC),
    # The second step of signing in (the matrix's clients have passed it: conftest).
    "accounts:second-factor": Entry("get", ALL, h1("Tweede stap: de code uit uw app")),
    "accounts:second-factor-setup": Entry("get", ALL, h1("Tweede stap instellen")),
    "set_language": Entry(
        "post",
        ALL,
        redirects("/catalogus/"),
        anonymous=Anonymous.PUBLIC,
        data=lambda c: {"language": "en", "next": "/catalogus/"},
    ),
    "api:schema": Entry("get", ALL, schema_check, anonymous=Anonymous.PUBLIC),
    # --- the catalogue: every role reads it
    "catalogue:product-list": Entry("get", ALL, h1("Sociale kaart", "Bijstandsuitkering")),
    "catalogue:product-detail": Entry("get", ALL, h1("Bijstandsuitkering"), kwargs=lambda c: {"code": "bijstand"}),
    "catalogue:organisation-list": Entry("get", ALL, h1("Organisaties", "Het Juridisch Loket")),
    "catalogue:organisation-detail": Entry(
        "get", ALL, h1("Het Juridisch Loket"), kwargs=lambda c: {"code": "juridisch-loket"}
    ),
    "api:product-list": Entry(
        "get", ALL, api(lambda d, c: "bijstand" in {p["code"] for p in d}), anonymous=Anonymous.API
    ),
    "api:product-detail": Entry(
        "get",
        ALL,
        api(lambda d, c: d["code"] == "bijstand"),
        kwargs=lambda c: {"code": "bijstand"},
        anonymous=Anonymous.API,
    ),
    "api:organisation-list": Entry(
        "get", ALL, api(lambda d, c: "juridisch-loket" in {o["code"] for o in d}), anonymous=Anonymous.API
    ),
    "api:organisation-detail": Entry(
        "get",
        ALL,
        api(lambda d, c: d["code"] == "juridisch-loket"),
        kwargs=lambda c: {"code": "juridisch-loket"},
        anonymous=Anonymous.API,
    ),
    # --- triage
    "triage:search": Entry("get", TRIAGE, h1("Waar moet ik beginnen?")),
    "api:triage": Entry(
        "post",
        TRIAGE,
        api(lambda d, c: "schuldhulpverlening" in {r["product"] for r in d["results"]}),
        data=lambda c: {"text": "Ik heb schulden en kan de huur niet betalen"},
        json=True,
        anonymous=Anonymous.API,
    ),
    # --- infoflits: Servicepunt staff see every one, wijkbureau staff their own
    "infoflits:start": Entry("get", CASEWORK, h1("Infoflits starten")),
    "infoflits:flow": Entry("get", CASEWORK, h1("Infoflits", suggestions_marker), hidden=WIJKBUREAU, kwargs=_infoflits),
    "infoflits:save-step": Entry(
        "post",
        CASEWORK,
        redirects(lambda c: f"{flow_path(c)}?stap={STEP_AFTER_WONEN}#stap-{STEP_AFTER_WONEN}"),
        hidden=WIJKBUREAU,
        kwargs=lambda c: {"uuid": c.work.infoflits.uuid, "step": "wonen"},
        data=lambda c: {"housing__situation": "rent_social", "housing__rent_arrears": "true"},
        written=lambda c: situation_version_rows().filter(infoflits=c.work.infoflits).count(),
    ),
    "infoflits:suggestions": Entry(
        "get",
        CASEWORK,
        shows(suggestions_marker),
        hidden=WIJKBUREAU,
        kwargs=_infoflits,
    ),
    "infoflits:decide": Entry(
        "post",
        CASEWORK,
        redirects(flow_path),
        hidden=WIJKBUREAU,
        kwargs=_infoflits,
        data=lambda c: {"product": "huurtoeslag", "decision": "offered", "rule": "income.huurtoeslag"},
        written=lambda c: suggestion_decision_rows().filter(infoflits=c.work.infoflits).count(),
    ),
    "infoflits:versions": Entry(
        "get", CASEWORK, h1("Eerdere versies van de situatie"), hidden=WIJKBUREAU, kwargs=_infoflits
    ),
    "api:suggestions": Entry(
        "post",
        CASEWORK,
        api(lambda d, c: isinstance(d, dict) and "suggestions" in d),
        data=lambda c: {"reference_date": "2026-11-01", "person": {"age": 34, "has_partner": False}},
        json=True,
        anonymous=Anonymous.API,
    ),
    # --- residents and cases: Servicepunt staff see all, wijkbureau staff what they registered/opened
    # My work: my own cases only, also for Servicepunt staff.
    "counter:worklist": Entry("get", CASEWORK, lacks(h1("Mijn werkvoorraad", mine), not_mine)),
    "counter:resident-search": Entry(
        "post", CASEWORK, visible_residents(h1("Inwoner zoeken")), data=lambda c: {"name": "Jan"}
    ),
    "counter:resident-register": Entry("get", CASEWORK, h1("Inwoner registreren")),
    "counter:resident": Entry(
        "get", CASEWORK, h1(lambda c: c.work.resident.full_name), hidden=WIJKBUREAU, kwargs=_resident
    ),
    "counter:resident-open-case": Entry(
        "post",
        CASEWORK,
        opened_case,
        hidden=WIJKBUREAU,
        kwargs=_resident,
        data=lambda c: {"question": "Nog een vraag"},
        written=lambda c: case_rows().filter(resident=c.work.resident).count(),
    ),
    "counter:resident-bsn": Entry(
        "post",
        CASEWORK,
        h1(lambda c: c.work.resident.full_name, lambda c: c.work.bsn),
        hidden=WIJKBUREAU,
        kwargs=_resident,
        data=lambda c: {"purpose": "aanvraag controleren"},
        written=lambda c: access_log_rows().filter(subject_id=str(c.work.resident.uuid)).count(),
    ),
    "counter:case": Entry("get", CASEWORK, _case_page("Ik heb geen inkomen"), hidden=WIJKBUREAU, kwargs=_case),
    "summary:page": Entry("get", CASEWORK, h1("Wat hebben we afgesproken?"), hidden=WIJKBUREAU, kwargs=_case),
    "summary:pdf": Entry("get", CASEWORK, pdf, hidden=WIJKBUREAU, kwargs=_case),
    "counter:case-slots": Entry(
        "get",
        CASEWORK,
        h1("Afspraak maken", "Bijstandsuitkering"),
        hidden=WIJKBUREAU,
        kwargs=_case,
        query=lambda c: {"vraag": c.work.open_question.uuid},
    ),
    "counter:case-book": Entry(
        "post", CASEWORK, redirects(case_path), hidden=WIJKBUREAU, kwargs=_case, data=_slot_body, written=_booked
    ),
    "counter:case-reschedule": Entry(
        "post",
        CASEWORK,
        redirects(case_path),
        hidden=WIJKBUREAU,
        kwargs=_case,
        data=lambda c: {
            "appointment": c.work.appointment.uuid,
            "agenda": c.world.later_slot.agenda.pk,
            "start": c.world.later_slot.start.isoformat(),
        },
        written=_booked,
    ),
    "counter:case-cancel-appointment": Entry(
        "post",
        CASEWORK,
        redirects(case_path),
        hidden=WIJKBUREAU,
        kwargs=_case,
        data=lambda c: {"appointment": c.work.appointment.uuid, "reason": "inwoner kan niet"},
        written=_booked,
    ),
    "counter:case-renew-link": Entry(
        "post", CASEWORK, redirects(case_path), hidden=WIJKBUREAU, kwargs=_case, written=_link_works
    ),
    "counter:case-combination": Entry(
        "get", CASEWORK, h1("Combinatieafspraak", "Studiefinanciering"), hidden=WIJKBUREAU, kwargs=_case
    ),
    "counter:case-combination-book": Entry(
        "post",
        CASEWORK,
        redirects(case_path),
        hidden=WIJKBUREAU,
        kwargs=_case,
        data=_combination_body,
        written=lambda c: arrangement_rows().count(),
    ),
    "counter:case-infoflits": Entry(
        "post",
        CASEWORK,
        case_started_infoflits,
        hidden=WIJKBUREAU,
        kwargs=_case,
        written=lambda c: infoflits_rows().count(),
    ),
    "counter:case-act": Entry(
        "post",
        CASEWORK,
        redirects(case_path),
        hidden=WIJKBUREAU,
        kwargs=lambda c: {"uuid": c.work.case.uuid, "action": "notitie"},
        data=lambda c: {"text": "Gebeld"},
        written=lambda c: note_rows().filter(case=c.work.case).count(),
    ),
    "api:case-detail": Entry(
        "get",
        CASEWORK,
        api(lambda d, c: d["uuid"] == str(c.work.case.uuid)),
        hidden=WIJKBUREAU,
        kwargs=_case,
        anonymous=Anonymous.API,
    ),
    "api:case-close": Entry(
        "post",
        CASEWORK,
        api(lambda d, c: d["uuid"] == str(c.work.closable.uuid) and d["closed_at"]),
        hidden=WIJKBUREAU,
        kwargs=lambda c: {"uuid": c.work.closable.uuid},
        data=lambda c: {"reason": "all_arranged"},
        json=True,
        anonymous=Anonymous.API,
        written=lambda c: case_rows().get(pk=c.work.closable.pk).closed_at,
    ),
    "api:resident-search": Entry(
        "post",
        CASEWORK,
        visible_residents(api(lambda d, c: True)),
        data=lambda c: {"name": "Jan"},
        json=True,
        anonymous=Anonymous.API,
    ),
    # --- the resident's own page: the signed key is the access, whoever holds it
    "resident_appointments:page": Entry(
        "get", ALL, h1("Uw afspraken", "Bijstandsuitkering"), anonymous=Anonymous.PUBLIC, kwargs=_key
    ),
    "resident_appointments:cancel": Entry(
        "get",
        ALL,
        h1("Wilt u deze afspraak annuleren?"),
        anonymous=Anonymous.PUBLIC,
        kwargs=_keyed_appointment,
    ),
    "resident_appointments:reschedule": Entry(
        "get", ALL, h1("Andere tijd kiezen"), anonymous=Anonymous.PUBLIC, kwargs=_keyed_appointment
    ),
    # --- the confirmation letter: case work, for residents the employee may see
    "resident_appointments:letter": Entry(
        "get",
        CASEWORK,
        h1("Bevestiging van uw afspraak", lambda c: c.work.resident.full_name),
        hidden=WIJKBUREAU,
        kwargs=_appointment,
    ),
    "resident_appointments:letter-pdf": Entry("get", CASEWORK, pdf, hidden=WIJKBUREAU, kwargs=_appointment),
    # --- the partner's inbox: only handovers addressed to the own organisation
    "handovers:inbox": Entry(
        "get",
        PARTNER,
        lacks(
            h1("Overdrachten aan uw organisatie", lambda c: c.work.resident.full_name),
            lambda c: c.other.resident.full_name,
        ),
    ),
    "handovers:detail": Entry(
        "get", PARTNER, h1(lambda c: f"Overdracht: {c.work.resident.full_name}"), hidden=PARTNER, kwargs=_handover
    ),
    "handovers:act": Entry(
        "post",
        PARTNER,
        redirects(lambda c: reverse("handovers:detail", args=[c.work.handover.uuid])),
        hidden=PARTNER,
        kwargs=lambda c: {"uuid": c.work.handover.uuid, "action": "accept"},
        written=lambda c: handover_rows().get(pk=c.work.handover.pk).state,
    ),
    "api:handover-inbox": Entry(
        "get",
        PARTNER,
        api(lambda d, c: [h["uuid"] for h in d] == [str(c.work.handover.uuid)]),
        anonymous=Anonymous.API,
    ),
    "api:handover-action": Entry(
        "post",
        PARTNER,
        api(lambda d, c: d["uuid"] == str(c.work.handover.uuid) and d["state"] == "geaccepteerd"),
        hidden=PARTNER,
        kwargs=lambda c: {"uuid": c.work.handover.uuid, "action": "accept"},
        json=True,
        anonymous=Anonymous.API,
        written=lambda c: handover_rows().get(pk=c.work.handover.pk).state,
    ),
    # --- video calls: the wijkbureau host sees only the calls they asked for; the Servicepunt
    # employee works the one queue and joins only the call they hold
    "videocalls:request": Entry("get", WIJKBUREAU, h1("Videobellen met het Servicepunt", 'name="topic"')),
    "videocalls:kiosk": Entry(
        "get", WIJKBUREAU, h1("Videogesprek met het Servicepunt", "U bent nummer"), hidden=WIJKBUREAU, kwargs=_waiting
    ),
    "videocalls:kiosk-status": Entry("get", WIJKBUREAU, shows("U bent nummer"), hidden=WIJKBUREAU, kwargs=_waiting),
    "videocalls:cancel": Entry(
        "post",
        WIJKBUREAU,
        redirects(lambda c: reverse("videocalls:kiosk", args=[_video(c).waiting.uuid])),
        hidden=WIJKBUREAU,
        kwargs=_waiting,
        written=lambda c: _call_state(_video(c).waiting),
    ),
    "videocalls:fallback": Entry(
        "post",
        WIJKBUREAU,
        redirects(lambda c: reverse("videocalls:kiosk", args=[_video(c).waiting.uuid])),
        hidden=WIJKBUREAU,
        kwargs=_waiting,
        data=lambda c: {"choice": "callback"},
        written=lambda c: _call_state(_video(c).waiting),
    ),
    "videocalls:host-access": Entry(
        "get", WIJKBUREAU, api(lambda d, c: d["room"] == _video(c).held.room_id), hidden=WIJKBUREAU, kwargs=_held
    ),
    "videocalls:board": Entry(
        "get", SERVICEPUNT, h1("Wachtrij videobellen", lambda c: _video(c).waiting.topic, 'hx-trigger="every 2s"')
    ),
    "videocalls:board-rows": Entry("get", SERVICEPUNT, shows(lambda c: _video(c).waiting.topic)),
    "videocalls:pick-up": Entry(
        "post",
        SERVICEPUNT,
        redirects(lambda c: reverse("videocalls:call", args=[_video(c).waiting.uuid])),
        kwargs=_waiting_with_free_hands,
        written=lambda c: _call_state(_video(c).waiting),
    ),
    "videocalls:call": Entry("get", SERVICEPUNT, h1("Videogesprek", lambda c: _video(c).held.topic), kwargs=_held),
    "videocalls:connect": Entry(
        "post",
        SERVICEPUNT,
        api(lambda d, c: d["state"] == "in_call"),
        kwargs=_held,
        written=lambda c: _call_state(_video(c).held),
    ),
    "videocalls:end": Entry(
        "post",
        SERVICEPUNT,
        redirects("/video/wachtrij/"),
        kwargs=_held,
        data=lambda c: {"outcome": "Uitgelegd"},
        written=lambda c: _call_state(_video(c).held),
    ),
    "videocalls:transfer": Entry(
        "post",
        SERVICEPUNT,
        redirects("/video/wachtrij/"),
        kwargs=_held,
        data=lambda c: {"to": _colleague(c).pk, "note": "Collega weet meer van schulden"},
        written=lambda c: _call_state(_video(c).held),
    ),
    "videocalls:employee-access": Entry(
        "get", SERVICEPUNT, api(lambda d, c: d["room"] == _video(c).held.room_id), kwargs=_held
    ),
    "videocalls:invite": Entry(
        "post",
        SERVICEPUNT,
        h1("Iemand uitnodigen voor het videogesprek", "/video/gast/"),
        kwargs=_held,
        data=lambda c: {"kind": "interpreter", "label": ""},
        written=lambda c: guest_count(_video(c).held),
    ),
    # A third party in the call: the key in the path is the access, whoever holds it (the first
    # browser that uses it; every test of the matrix is a first use, in its own savepoint)
    "videocalls:guest": Entry(
        "get",
        ALL,
        h1("Videogesprek met het Servicepunt", lambda c: f"DUO, {c.work.owner.username}"),
        anonymous=Anonymous.PUBLIC,
        kwargs=_guest_key,
    ),
    "videocalls:guest-status": Entry(
        "get", ALL, shows("U bent in het gesprek."), anonymous=Anonymous.PUBLIC, kwargs=_guest_key
    ),
    "videocalls:guest-access": Entry(
        "get",
        ALL,
        api(lambda d, c: d["room"] == _video(c).held.room_id and d["display"].startswith("DUO, ")),
        anonymous=Anonymous.PUBLIC,
        kwargs=_guest_key,
    ),
    # --- figures and the access log
    "reporting:overview": Entry("get", frozenset({Role.TEAMLEIDER}), h1("Cijfers")),
    "audit:log": Entry("get", frozenset({Role.PRIVACY}), h1("Toegangslog")),
    "privacy:residents": Entry("get", PRIVACY, h1("Privacy per inwoner")),
    "privacy:resident": Entry(
        "get", PRIVACY, h1(lambda c: f"Privacy: {c.work.resident.full_name}"), kwargs=_resident_kwargs
    ),
    "privacy:resident-log": Entry(
        "get",
        PRIVACY,
        shows("at,by,what,screen,purpose"),
        kwargs=lambda c: {**_resident_kwargs(c), "fmt": "csv"},
    ),
    "privacy:resident-export": Entry("get", PRIVACY, pdf, kwargs=lambda c: {**_resident_kwargs(c), "fmt": "pdf"}),
    # The world's residents have an open case: erasure is refused, back to the resident's page.
    "privacy:resident-erase": Entry(
        "post",
        PRIVACY,
        redirects(lambda c: reverse("privacy:resident", args=[c.work.resident.uuid])),
        kwargs=_resident_kwargs,
        data=lambda c: {"confirm": "on"},
    ),
    "privacy:retention": Entry("get", PRIVACY, h1("Bewaartermijnen")),
}


def test_the_table_covers_exactly_the_url_patterns() -> None:
    names, unnamed = url_names()
    assert not unnamed, f"Give these URL patterns a name (the permission matrix needs one): {unnamed}"
    missing, removed = sorted(names - TABLE.keys()), sorted(TABLE.keys() - names)
    assert not missing, f"Add these URL names to TABLE in {__name__} (who may, who gets 404, anonymous): {missing}"
    assert not removed, f"Remove these entries from TABLE in {__name__}: no URL pattern has this name: {removed}"


def test_hidden_roles_are_not_also_allowed_elsewhere() -> None:
    for name, entry in TABLE.items():
        assert entry.hidden <= entry.allowed, f"{name}: a hidden role must be able to use its own work"
        assert all(role in ELSEWHERE for role in entry.hidden), f"{name}: no 'someone else's work' for {entry.hidden}"


# --- the matrix ----------------------------------------------------------------------------------


def _send(client: Client, name: str, entry: Entry, ctx: Ctx) -> HttpResponse:
    url = reverse(name, kwargs=entry.kwargs(ctx) or None)
    query = entry.query(ctx)
    if entry.method == "get":
        return client.get(url, query)  # type: ignore[no-any-return]
    if query:
        url = f"{url}?{urlencode(query)}"
    if entry.json:
        return client.post(url, entry.data(ctx), content_type="application/json")  # type: ignore[no-any-return]
    return client.post(url, entry.data(ctx))  # type: ignore[no-any-return]


def _refused(client: Client, name: str, entry: Entry, ctx: Ctx, status: int) -> None:
    before = entry.written(ctx) if entry.written else None
    logged = access_log_rows().count()
    response = _send(client, name, entry, ctx)
    assert response.status_code == status, show(response)
    if name.startswith("api:"):
        assert response["Content-Type"] == PROBLEM_JSON
    if entry.written:
        assert entry.written(ctx) == before, "a refused request wrote something"
    assert access_log_rows().count() == logged, "a refused request wrote an access log line"


def _headers_checked(response: HttpResponse) -> None:
    """Every answer is kept out of caches (personal data), every page has the strict CSP."""
    assert "no-store" in response["Cache-Control"], response.get("Cache-Control")
    if response["Content-Type"].startswith("text/html"):
        assert_strict_csp(response)


def _allowed(client: Client, name: str, entry: Entry, ctx: Ctx) -> None:
    before = entry.written(ctx) if entry.written else None
    response = _send(client, name, entry, ctx)
    entry.check(response, ctx)
    _headers_checked(response)
    if entry.written:
        assert entry.written(ctx) != before, "the action answered but wrote nothing"


# One request handler for all clients of the module: a new Client builds its own and loads the
# middleware again, and WhiteNoise's (with WHITENOISE_USE_FINDERS) walks every static file for
# that, ~80 ms per test. The handler keeps no per-client state (cookies live in the Client).
_HANDLER = ClientHandler(enforce_csrf_checks=False)


def _client() -> Client:
    client = Client()
    client.handler = _HANDLER
    return client


def _matrix() -> Iterator[Any]:
    for name in sorted(TABLE):
        entry = TABLE[name]
        bugs = dict(entry.bugs)
        for role in [*Role, None]:
            marks = [pytest.mark.xfail(strict=True, reason=bugs[role])] if role in bugs else []
            yield pytest.param(name, role, id=f"{name}-{role.value if role else 'anonymous'}", marks=marks)


@pytest.mark.parametrize(("name", "role"), list(_matrix()))
def test_access(world: World, name: str, role: Role | None) -> None:
    entry = TABLE[name]
    client = _client()
    if role is None:
        ctx = Ctx(world, world.work[Role.SERVICEPUNT], None)
        if entry.anonymous == Anonymous.PUBLIC:
            _allowed(client, name, entry, ctx)
        elif entry.anonymous == Anonymous.API:
            response = _send(client, name, entry, ctx)
            assert response.status_code in (401, 403) and response["Content-Type"] == PROBLEM_JSON, show(response)
        else:
            before = entry.written(ctx) if entry.written else None
            response = _send(client, name, entry, ctx)
            assert response.status_code == 302 and response["Location"].startswith(f"{LOGIN_PATH}?next="), show(
                response
            )
            if entry.written:
                assert entry.written(ctx) == before
        return
    client.force_login(world.users[role])
    if role in entry.hidden:
        _refused(client, name, entry, Ctx(world, world.work[ELSEWHERE[role]], role), status=404)
    if role in entry.allowed:
        _allowed(client, name, entry, Ctx(world, world.work[SUBJECT.get(role, Role.SERVICEPUNT)], role))
    elif role not in entry.hidden:
        _refused(client, name, entry, Ctx(world, world.work[Role.SERVICEPUNT], role), status=403)


def test_a_partner_of_another_organisation_sees_none_of_these_handovers(world: World) -> None:
    """The world's partner works for the Juridisch Loket; a Buurtteam partner sees neither the
    Juridisch Loket's handover nor, in the inbox, its resident."""
    other = user_create(
        username="buurtteam-partner",
        password=PASSWORD,
        role=Role.PARTNER,
        organisation=organisation_rows().get(code="buurtteam"),
    )
    client = _client()
    client.force_login(other)
    handover = world.work[Role.SERVICEPUNT].handover
    assert client.get(reverse("handovers:detail", args=[handover.uuid])).status_code == 404
    inbox = client.get(reverse("handovers:inbox"))
    assert inbox.status_code == 200
    assert world.work[Role.SERVICEPUNT].resident.full_name not in inbox.content.decode()
    assert world.work[Role.WIJKBUREAU].resident.full_name in inbox.content.decode()


def test_the_case_page_links_the_infoflits_only_for_who_may_open_it(world: World) -> None:
    """An infoflits stays with the employee who took it and the Servicepunt. The wijkbureau
    employee whose case it is sees who took it, but no link to a page that would answer 404."""
    work = world.work[Role.WIJKBUREAU]
    infoflits = case_infoflits_start(case=work.case, by=world.users[Role.SERVICEPUNT])
    flow = reverse("infoflits:flow", args=[infoflits.uuid])
    owner, servicepunt = _client(), _client()
    owner.force_login(work.owner)
    servicepunt.force_login(world.users[Role.SERVICEPUNT])
    page = owner.get(reverse("counter:case", args=[work.case.uuid])).content.decode()
    assert flow not in page and "Alleen die medewerker en het Servicepunt" in page
    assert owner.get(flow).status_code == 404
    assert flow in servicepunt.get(reverse("counter:case", args=[work.case.uuid])).content.decode()
    assert servicepunt.get(flow).status_code == 200
