"""The pages of a third party in a video call (videocalls/guests.py): the employee's invite
form on the call page, and the guest's page without login, whose key is in the path. The guest's
pages are never cached, indexed or referred to, and a refusal is answered here without a log
line that could carry the key (the log filter takes it out of every other line)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from servicepunt.core.access import permission_required
from servicepunt.core.errors import ServicepuntError
from servicepunt.core.link_keys import key_hash
from servicepunt.videocalls import guests, services
from servicepunt.videocalls.forms import GuestInviteForm
from servicepunt.videocalls.ice import ice_servers
from servicepunt.videocalls.media import MediaError
from servicepunt.videocalls.queue import FINAL, State
from servicepunt.videocalls.views import ANSWER, LIVE, _client, _held, _media_allowed

if TYPE_CHECKING:
    from servicepunt.accounts.http import AuthenticatedRequest
    from servicepunt.videocalls.models import CallGuest

SESSION_KEY = "videocall_guests"  # {guest uuid: the browser's token}
PRIVATE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer"}


def guest_link(key: str) -> str:
    """The absolute address of the guest page (on SERVICEPUNT_PUBLIC_URL)."""
    return f"{str(settings.SERVICEPUNT_PUBLIC_URL).rstrip('/')}{reverse('videocalls:guest', args=[key])}"


# --- the employee ----------------------------------------------------------------------------------


@permission_required(ANSWER)
@require_POST
def invite(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    """Invite a partner's employee or an interpreter into the held call. From the call page (htmx)
    the answer is the guests panel with the link to copy, so the call goes on; without htmx a
    page of its own."""
    call = _held(request, uuid)
    form = GuestInviteForm(request.POST)
    invitation = None
    status = 200
    if form.is_valid():
        try:
            invitation = guests.guest_invite(
                call=call, by=request.user, kind=form.cleaned_data["kind"], label=form.cleaned_data["label"]
            )
        except ServicepuntError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
            status = error.status
        else:
            form = GuestInviteForm()
    else:
        status = 400
    context: dict[str, Any] = {
        "call": call,
        "guest_form": form,
        "guests": guests.guests_of(call),
        "invitation": invitation,
        "invitation_link": guest_link(invitation.key) if invitation else "",
        "live": call.state in LIVE,
    }
    if request.headers.get("HX-Request") == "true":
        # htmx swaps only 2xx answers: the refusal is in the panel itself.
        response = render(request, "videocalls/_guests.html", context)
    else:
        response = render(request, "videocalls/guest_invited.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


# --- the guest -------------------------------------------------------------------------------------


def _private(response: HttpResponse) -> HttpResponse:
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    # Django logs 4xx answers with their path (the key); these are answered here.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _browser(request: HttpRequest, token: str) -> str | None:
    """This browser's token for the link, kept in its session under the key's hash."""
    tokens = request.session.get(SESSION_KEY)
    browser = tokens.get(key_hash(token)) if isinstance(tokens, dict) else None
    return browser if isinstance(browser, str) else None


def _visit(request: HttpRequest, token: str) -> guests.GuestVisit:
    """guest_join with this browser's token for the link (if it has one); binds a first visit."""
    visit = guests.guest_join(key=token, browser=_browser(request, token))
    if _browser(request, token) != visit.browser:
        tokens = request.session.get(SESSION_KEY)
        tokens = tokens if isinstance(tokens, dict) else {}
        request.session[SESSION_KEY] = {**tokens, key_hash(token): visit.browser}
    return visit


def _refused(request: HttpRequest, refused: guests.GuestRefused) -> HttpResponse:
    response = render(request, "videocalls/guest_refused.html", {"reason": refused.reason}, status=refused.status)
    return _private(response)


def _status_context(guest: CallGuest, token: str) -> dict[str, object]:
    call = guest.call
    return {
        "guest": guest,
        "call": call,
        "token": token,
        "display": guests.guest_display(guest),
        "wijkbureau": services.wijkbureau_label(call.wijkbureau),
        "live": call.state in LIVE and guest.revoked_at is None,
        "final": State(call.state) in FINAL or guest.revoked_at is not None,
    }


@require_GET
def guest_page(request: HttpRequest, token: str) -> HttpResponse:
    """The guest's page: no login, the key is the access. Joins the room with access minted
    server-side (guest_access)."""
    try:
        visit = _visit(request, token)
    except guests.GuestRefused as refused:
        return _refused(request, refused)
    context = _status_context(visit.guest, token)
    context["client"] = _client(visit.guest.call, reverse("videocalls:guest-access", args=[token]))
    return _private(_media_allowed(render(request, "videocalls/guest.html", context)))


@require_GET
def guest_status(request: HttpRequest, token: str) -> HttpResponse:
    """The guest page's status panel (htmx, every 2 s): live, waiting or over."""
    try:
        browser = _browser(request, token)
        # The page's own browser, also after the end; a first use binds as the page does.
        guest = guests.guest_of_browser(key=token, browser=browser) if browser else _visit(request, token).guest
    except guests.GuestRefused as refused:
        return _refused(request, refused)
    return _private(render(request, "videocalls/_guest_status.html", _status_context(guest, token)))


@require_GET
def guest_access_view(request: HttpRequest, token: str) -> HttpResponse:
    """The guest browser's access to the room (minted now, short-lived); a first use binds the
    browser as the page does."""
    try:
        visit = _visit(request, token)
    except guests.GuestRefused as refused:
        return _private(JsonResponse({"error": refused.reason}, status=refused.status))
    try:
        access = guests.guest_access(visit.guest)
    except MediaError:
        return _private(JsonResponse({"error": "media-unavailable"}, status=503))
    if access is None:
        return _private(JsonResponse({"error": "not-live"}, status=409))
    return _private(JsonResponse({**access.as_client_config(), "iceServers": ice_servers(access.participant)}))
