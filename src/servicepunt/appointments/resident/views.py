"""The resident's own appointments page: see them, cancel one (after a confirmation step), or
choose another free time. No login: the link's key (in the path) is the access. The page is never
cached, indexed or referred to, and writes nothing personal to logs (the log handler's filter
takes the key out of every line, and a refusal is logged without it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

import structlog
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from servicepunt.appointments.choices import AppointmentStatus
from servicepunt.appointments.models import Appointment
from servicepunt.appointments.notify.content import (
    PartView,
    part_views,
    servicepunt_contact,
)
from servicepunt.appointments.resident.links import (
    LinkRefused,
    ResidentAccess,
    resident_access,
    resident_path,
)
from servicepunt.appointments.resident.slots import SlotChoice, slot_choices, slot_parse
from servicepunt.appointments.services import Actor, appointment_cancel, appointment_reschedule
from servicepunt.catalogue.localization import resident_language, written_languages
from servicepunt.core.errors import ServicepuntError

log = structlog.get_logger(__name__)
LANGUAGE_PARAMETER = "taal"
PRIVATE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}
NO_REFERRER = "no-referrer"
# A page with a form: under no-referrer the browser posts with "Origin: null" (and, over HTTPS,
# without the Referer Django's CSRF check requires). same-origin sends both to this site only;
# other sites still get nothing, and the stylesheets are fetched with referrerpolicy=no-referrer.
FORM_REFERRER = "same-origin"

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Item:
    part: PartView
    cancel_url: str
    reschedule_url: str


class Page:
    """The key and language of this request, and the addresses that keep both."""

    def __init__(self, request: HttpRequest, access: ResidentAccess | None, language: str, token: str) -> None:
        self.request, self.access, self.language, self.token = request, access, language, token
        self.chosen_language = request.GET.get(LANGUAGE_PARAMETER, "") in written_languages()

    def url(self, view: str = "page", *args: Any, language: str | None = None) -> str:
        query = {LANGUAGE_PARAMETER: language} if language else {}
        if language is None and self.chosen_language:
            query = {LANGUAGE_PARAMETER: self.language}
        return resident_path(self.token, view, *args, **query)

    def languages(self) -> list[dict[str, Any]]:
        return [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": self.url(language=code),
                "current": code == self.language,
            }
            for code in written_languages()
        ]


def _private(response: HttpResponse, language: str, referrer: str = NO_REFERRER) -> HttpResponse:
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    response["Referrer-Policy"] = referrer
    response["Content-Language"] = language
    # Django logs 4xx answers with their path; these are answered here and need no log line.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _render(
    page: Page, template: str, context: dict[str, Any], status: int = 200, *, referrer: str = NO_REFERRER
) -> HttpResponse:
    base = {
        "page": page,
        "language": page.language,
        "languages": page.languages(),
        "servicepunt": servicepunt_contact(page.language),
        "back_url": page.url(),
    }
    response = render(page.request, template, {**base, **context}, status=status)
    return _private(response, page.language, referrer)


def _refused(request: HttpRequest, token: str, *, expired: bool) -> HttpResponse:
    """403 for a broken key, 410 for an expired or revoked one, with how to reach the Servicepunt."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    language = asked if asked in written_languages() else resident_language(translation.get_language())
    page = Page(request, None, language, token)
    with translation.override(language):
        return _render(page, "appointments/resident/refused.html", {"expired": expired}, 410 if expired else 403)


def resident_view(view: View) -> View:
    """Check the key (refused page otherwise), choose the language (?taal=, else the resident's)
    and answer with the private headers."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            access = resident_access(token)
        except LinkRefused as refused:
            log.info("resident_link_refused", expired=refused.expired)
            return _refused(request, token, expired=refused.expired)
        asked = request.GET.get(LANGUAGE_PARAMETER, "")
        language = asked if asked in written_languages() else resident_language(access.resident.preferred_language)
        with translation.override(language):
            return view(Page(request, access, language, token), *args, **kwargs)

    return wrapped


def _appointment(page: Page, uuid: Any) -> Appointment | None:
    assert page.access is not None
    return page.access.appointments().filter(uuid=uuid).first()


def _changeable(row: Appointment) -> bool:
    return row.status == AppointmentStatus.BOOKED and row.end > timezone.now()


def _done(page: Page, text: str, *, error: bool = False) -> HttpResponse:
    (messages.error if error else messages.success)(page.request, text)
    return _private(HttpResponseRedirect(page.url(), status=303), page.language)


@require_http_methods(["GET", "HEAD"])
@resident_view
def overview(page: Page) -> HttpResponse:
    assert page.access is not None
    rows = list(page.access.appointments())
    views = part_views(rows, page.language)
    items = [
        Item(view, page.url("cancel", view.uuid), page.url("reschedule", view.uuid)) for view in views if view.upcoming
    ]
    log.info("resident_page_viewed", scope=page.access.scope.value, appointments=len(items))
    return _render(
        page,
        "appointments/resident/page.html",
        {
            "planned": [item for item in items if item.part.booked],
            "cancelled": [item for item in items if not item.part.booked],
            "resident": page.access.resident,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@resident_view
def cancel(page: Page, uuid: Any) -> HttpResponse:
    row = _appointment(page, uuid)
    if row is None:
        return _render(page, "appointments/resident/missing.html", {}, status=404)
    if not _changeable(row):
        return _done(page, _("Deze afspraak kunt u niet meer annuleren."), error=True)
    if page.request.method == "POST":
        try:
            appointment_cancel(appointment=row, actor=Actor.resident(), reason=page.request.POST.get("reden", ""))
        except ServicepuntError as error:
            return _done(page, error.message, error=True)
        return _done(page, _("Uw afspraak is geannuleerd. Het Servicepunt weet het nu ook."))
    return _render(
        page,
        "appointments/resident/cancel.html",
        {
            "part": part_views([row], page.language)[0],
            "in_combination": row.arrangement_id is not None,
            "form_url": page.url("cancel", row.uuid),
        },
        referrer=FORM_REFERRER,
    )


def _reschedule_page(page: Page, row: Appointment, *, error: str = "", status: int = 200) -> HttpResponse:
    days: dict[str, list[SlotChoice]] = {}
    for choice in slot_choices(row):
        days.setdefault(choice.day, []).append(choice)
    return _render(
        page,
        "appointments/resident/reschedule.html",
        {
            "part": part_views([row], page.language)[0],
            "days": list(days.items()),
            "error": error,
            "form_url": page.url("reschedule", row.uuid),
        },
        status=status,
        referrer=FORM_REFERRER,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@resident_view
def reschedule(page: Page, uuid: Any) -> HttpResponse:
    row = _appointment(page, uuid)
    if row is None:
        return _render(page, "appointments/resident/missing.html", {}, status=404)
    if not _changeable(row):
        return _done(page, _("Deze afspraak kunt u niet meer verzetten."), error=True)
    if row.arrangement_id is not None:
        return _render(
            page, "appointments/resident/combination_call.html", {"part": part_views([row], page.language)[0]}
        )
    if page.request.method != "POST":
        return _reschedule_page(page, row)
    chosen = slot_parse(row, page.request.POST.get("tijd", ""))
    if chosen is None:
        return _reschedule_page(page, row, error=_("Kies een nieuwe tijd."), status=400)
    agenda, start = chosen
    try:
        moved = appointment_reschedule(appointment=row, start=start, agenda=agenda, actor=Actor.resident())
    except ServicepuntError as error:
        return _reschedule_page(page, row, error=error.message, status=error.status)
    when = part_views([moved], page.language)[0]
    return _done(page, _("Uw afspraak is verzet naar %(day)s om %(time)s.") % {"day": when.day, "time": when.time})
