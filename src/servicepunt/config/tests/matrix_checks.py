"""What the permission matrix expects of an allowed role: the page itself (200 and its own
<h1> or marker), the action's redirect, the API's data. Never a 403, 404 or the login page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.urls import reverse

from servicepunt.accounts.roles import Role
from servicepunt.cases.testing import case_rows
from servicepunt.config.navigation import navigation_for
from servicepunt.config.tests.matrix_world import Ctx
from servicepunt.infoflits.presentation import next_step_code

Check = Callable[[HttpResponse, Ctx], None]
Text = str | Callable[[Ctx], str]


def _text(response: HttpResponse) -> str:
    """The page, without the bidi isolation around names and typed text (`|isolated`)."""
    return re.sub("</?bdi>|[\u2068\u2069]", "", response.content.decode())


def show(response: HttpResponse) -> str:
    return f"{response.status_code} {response.get('Location', '')} {response.content[:300]!r}"


def h1(heading: Text, *also: Text) -> Check:
    """200, the page's own heading (and any further texts it must show)."""

    def check(response: HttpResponse, ctx: Ctx) -> None:
        assert response.status_code == 200, show(response)
        page = _text(response)
        wanted = heading(ctx) if callable(heading) else heading
        assert re.search(r"<h1[^>]*>\s*" + re.escape(wanted), page), f"no <h1> {wanted!r} in the page"
        for text in also:
            assert (text(ctx) if callable(text) else text) in page

    return check


def shows(*texts: Text) -> Check:
    def check(response: HttpResponse, ctx: Ctx) -> None:
        assert response.status_code == 200, show(response)
        page = _text(response)
        for text in texts:
            assert (text(ctx) if callable(text) else text) in page

    return check


def pdf(response: HttpResponse, ctx: Ctx) -> None:
    assert response.status_code == 200, show(response)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def redirects(to: Text) -> Check:
    """302/303 to exactly this path (never to the login page)."""

    def check(response: HttpResponse, ctx: Ctx) -> None:
        assert response.status_code in (302, 303), show(response)
        assert response["Location"] == (to(ctx) if callable(to) else to)

    return check


def api(check_data: Callable[[Any, Ctx], bool]) -> Check:
    def check(response: HttpResponse, ctx: Ctx) -> None:
        assert response.status_code == 200, show(response)
        assert response["Content-Type"] == "application/json"
        assert check_data(json.loads(response.content), ctx), response.content[:300]

    return check


def lacks(check: Check, *texts: Text) -> Check:
    """`check`, and none of `texts` in the answer (someone else's work that must not show)."""

    def wrapped(response: HttpResponse, ctx: Ctx) -> None:
        check(response, ctx)
        for text in texts:
            assert (text(ctx) if callable(text) else text) not in _text(response)

    return wrapped


def mine(ctx: Ctx) -> str:
    assert ctx.role is not None
    return ctx.world.work[ctx.role].resident.full_name


def not_mine(ctx: Ctx) -> str:
    assert ctx.role is not None
    return next(w for r, w in ctx.world.work.items() if r != ctx.role).resident.full_name


def visible_residents(check: Check) -> Check:
    """Both residents for Servicepunt staff, only the own for wijkbureau staff."""

    def wrapped(response: HttpResponse, ctx: Ctx) -> None:
        check(response, ctx)
        text = _text(response)
        assert ctx.work.resident.full_name in text or str(ctx.work.resident.uuid) in text
        other = ctx.other.resident
        shown = other.full_name in text or str(other.uuid) in text
        assert shown == (ctx.role == Role.SERVICEPUNT), f"{other.full_name} shown: {shown}"

    return wrapped


def case_path(ctx: Ctx) -> str:
    return reverse("counter:case", args=[ctx.work.case.uuid])


def flow_path(ctx: Ctx) -> str:
    return reverse("infoflits:flow", args=[ctx.work.infoflits.uuid])


def suggestions_marker(ctx: Ctx) -> str:
    """The suggestions panel of this infoflits (on the flow page, and the panel alone)."""
    return f'data-refresh="{reverse("infoflits:suggestions", args=[ctx.work.infoflits.uuid])}"'


STEP_AFTER_WONEN = next_step_code("wonen")


def home_check(response: HttpResponse, ctx: Ctx) -> None:
    assert ctx.role is not None
    first = navigation_for(ctx.world.users[ctx.role], "/")[0]
    redirects(first.url)(response, ctx)


def login_check(response: HttpResponse, ctx: Ctx) -> None:
    if ctx.role is None:
        h1("Inloggen", 'name="password"')(response, ctx)
    else:  # a signed-in user is sent on to the start page
        redirects("/")(response, ctx)


def health_check(response: HttpResponse, ctx: Ctx) -> None:
    assert response.status_code == 200 and json.loads(response.content) == {"status": "ok"}


def schema_check(response: HttpResponse, ctx: Ctx) -> None:
    assert response.status_code == 200 and b"openapi:" in response.content and b"/api/v1/cases/" in response.content


def case_started_infoflits(response: HttpResponse, ctx: Ctx) -> None:
    case = case_rows().get(pk=ctx.work.case.pk)
    assert case.infoflits is not None
    redirects(reverse("infoflits:flow", args=[case.infoflits.uuid]))(response, ctx)


def opened_case(response: HttpResponse, ctx: Ctx) -> None:
    newest = case_rows().filter(resident=ctx.work.resident).latest("pk")
    redirects(reverse("counter:case", args=[newest.uuid]))(response, ctx)
