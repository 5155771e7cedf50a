"""The video call pages. Thin: forms parse, services decide, selectors read. The wijkbureau host
sees only the calls they asked for (someone else's answers 404); the Servicepunt employee works
the one queue and joins only the call they hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from servicepunt.cases.selectors import case_get
from servicepunt.core.access import permission_required
from servicepunt.core.errors import ServicepuntError
from servicepunt.videocalls import guests, selectors, services
from servicepunt.videocalls.forms import CallEndForm, CallRequestForm, FallbackForm, GuestInviteForm, TransferForm
from servicepunt.videocalls.ice import ice_servers
from servicepunt.videocalls.media import MediaError, media_provider
from servicepunt.videocalls.models import VideoCall
from servicepunt.videocalls.queue import FINAL, State

if TYPE_CHECKING:
    from servicepunt.accounts.http import AuthenticatedRequest

REQUEST = "videocalls.request_videocall"
ANSWER = "videocalls.answer_videocall"
LIVE = (State.PICKED_UP, State.IN_CALL)


def _client(call: VideoCall, access_url: str) -> dict[str, str]:
    """The data attributes of the call element (static/servicepunt/videocall.js reads them)."""
    return {
        "access_url": access_url,
        "janus_module": static("vendor/janus-gateway/janus.es.js"),
        "adapter": static("vendor/webrtc-adapter/adapter.js"),
    }


def _media_allowed(response: HttpResponse) -> HttpResponse:
    """The CSP of a page with a call lets its browser reach the media server (django-csp reads
    `_csp_update`); every other page keeps `connect-src 'self'`."""
    response._csp_update = {"connect-src": media_provider().browser_origins()}  # type: ignore[attr-defined]
    return response


# --- the wijkbureau host ---------------------------------------------------------------------------


def _linked_case(request: AuthenticatedRequest, value: object) -> Any:
    """The case the call is for, if this host may see it (the view is in the access log)."""
    if not value:
        return None
    try:
        return case_get(user=request.user, uuid=str(value), screen="videocalls.request")
    except (Http404, ValidationError):
        return None


@permission_required(REQUEST)
def request_call(request: AuthenticatedRequest) -> HttpResponse:
    """The host's form; from a case page (`?vraagstuk=<uuid>`) the call comes on that case."""
    initial = {"case": request.GET.get("vraagstuk", "")} if request.method == "GET" else {}
    form = CallRequestForm(request.POST or None, initial=initial)
    case = _linked_case(request, initial.get("case"))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            case = _linked_case(request, form.cleaned_data["case"])
            if form.cleaned_data["case"] and case is None:
                form.add_error(None, _("Dit vraagstuk kunt u niet aan een videogesprek koppelen."))
                status = 400
            else:
                data = services.CallRequestInput(**{**form.cleaned_data, "case": case})
                try:
                    call = services.call_request(host=request.user, data=data)
                except ServicepuntError as error:
                    form.add_error(error.field if error.field in form.fields else None, error.message)
                    status = error.status
                else:
                    return redirect("videocalls:kiosk", uuid=call.uuid)
        else:
            status = 400
    calls = selectors.calls_of_host(request.user)
    return render(request, "videocalls/request.html", {"form": form, "calls": calls, "case": case}, status=status)


def _kiosk_context(call: VideoCall) -> dict[str, object]:
    place = selectors.queue_place(call)
    advice = selectors.fallback_advice(call, place)
    return {
        "call": call,
        "place": place,
        "closed": advice.closed,
        "too_long": advice.too_long,
        "threshold_minutes": advice.threshold_minutes,
        "live": call.state in LIVE,
        "final": call.state in FINAL,
        "fallback_form": FallbackForm(),
        "guests_in_call": guests.guests_in_call(call),
    }


@permission_required(REQUEST)
@require_GET
def kiosk(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = selectors.call_for_host(user=request.user, uuid=uuid)
    context = _kiosk_context(call)
    context["client"] = _client(call, reverse("videocalls:host-access", args=[call.uuid]))
    return _media_allowed(render(request, "videocalls/kiosk.html", context))


@permission_required(REQUEST)
@require_GET
def kiosk_status(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = selectors.call_for_host(user=request.user, uuid=uuid)
    return render(request, "videocalls/_kiosk_status.html", _kiosk_context(call))


@permission_required(REQUEST)
@require_POST
def cancel(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = selectors.call_for_host(user=request.user, uuid=uuid)
    try:
        services.call_cancel(call=call, by=request.user)
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Het videogesprek is gestopt."))
    return redirect("videocalls:kiosk", uuid=call.uuid)


@permission_required(REQUEST)
@require_POST
def fallback(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = selectors.call_for_host(user=request.user, uuid=uuid)
    form = FallbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies terugbellen of een afspraak."))
        return redirect("videocalls:kiosk", uuid=call.uuid)
    try:
        services.call_fall_back(call=call, by=request.user, choice=form.cleaned_data["choice"])
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Genoteerd. Regel nu het terugbelverzoek of de afspraak met de inwoner."))
    return redirect("videocalls:kiosk", uuid=call.uuid)


def _access(call: VideoCall, participant: str, display: str) -> JsonResponse:
    if call.state not in LIVE:
        return JsonResponse({"error": "not-live"}, status=409)
    room = services.room_of(call)
    try:
        access = media_provider().participant_access(room, participant, display)
    except MediaError:
        return JsonResponse({"error": "media-unavailable"}, status=503)
    response = JsonResponse({**access.as_client_config(), "iceServers": ice_servers(participant)})
    response["Cache-Control"] = "no-store"
    return response


@permission_required(REQUEST)
@require_GET
def host_access(request: AuthenticatedRequest, uuid: UUID) -> JsonResponse:
    """The wijkbureau screen's access to its call's room (minted now, short-lived)."""
    call = selectors.call_for_host(user=request.user, uuid=uuid)
    return _access(call, "host", services.wijkbureau_label(call.wijkbureau))


# --- the Servicepunt employee ----------------------------------------------------------------------


def _board_context() -> dict[str, object]:
    # One reverse for all rows: the pick-up address is the prefix, the call's uuid and "oppakken/".
    prefix = reverse("videocalls:kiosk", args=[UUID(int=0)]).removesuffix(f"{UUID(int=0)}/")
    return {"rows": selectors.queue_board(), "pick_up_prefix": prefix}


@permission_required(ANSWER)
@require_GET
def board(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "videocalls/board.html", _board_context())


# The rows are the same for every employee until a call moves: 20 employees polling every 2 s
# share one rendering per queue version (and per language), at most BOARD_CACHE_SECONDS old so
# the waiting minutes stay current. Only the CSRF token differs per session: it is put in after.
BOARD_CACHE_SECONDS = 2
CSRF_PLACEHOLDER = "__csrf_token__"


@permission_required(ANSWER)
@require_GET
def board_rows(request: AuthenticatedRequest) -> HttpResponse:
    key = f"videocalls:board:{selectors.queue_version()}:{translation.get_language()}"
    rows = cache.get(key)
    if rows is None:
        rows = render_to_string("videocalls/_board_rows.html", {**_board_context(), "csrf_token": CSRF_PLACEHOLDER})
        cache.set(key, rows, BOARD_CACHE_SECONDS)
    response = HttpResponse(rows.replace(CSRF_PLACEHOLDER, get_token(request)))
    patch_cache_control(response, no_store=True)
    return response


@permission_required(ANSWER)
@require_POST
def pick_up(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = selectors.call_for_employee(user=request.user, uuid=uuid)
    try:
        services.call_pick_up(call=call, employee=request.user)
    except ServicepuntError as error:
        messages.error(request, error.message)
        return redirect("videocalls:board")
    return redirect("videocalls:call", uuid=call.uuid)


def _held(request: AuthenticatedRequest, uuid: UUID) -> VideoCall:
    """The call, if this employee holds it (or held it: the page shows how it ended)."""
    call = selectors.call_for_employee(user=request.user, uuid=uuid)
    if call.employee_id != request.user.pk:
        raise Http404
    return call


@permission_required(ANSWER)
@require_GET
def call_page(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = _held(request, uuid)
    context = {
        "call": call,
        "live": call.state in LIVE,
        "end_form": CallEndForm(),
        "transfer_form": TransferForm(colleagues=selectors.colleagues_answering(request.user)),
        "client": _client(call, reverse("videocalls:employee-access", args=[call.uuid])),
        "connect_url": reverse("videocalls:connect", args=[call.uuid]),
        "guest_form": GuestInviteForm(),
        "guests": guests.guests_of(call),
    }
    return _media_allowed(render(request, "videocalls/call.html", context))


@permission_required(ANSWER)
@require_POST
def connect(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = _held(request, uuid)
    try:
        services.call_connect(call=call, employee=request.user)
    except ServicepuntError as error:
        return JsonResponse({"error": error.code, "detail": error.message}, status=error.status)
    return JsonResponse({"state": State.IN_CALL.value})


def _act_on_held(
    request: AuthenticatedRequest,
    call: VideoCall,
    form: forms.Form,
    *,
    refused: str,
    act: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """End or transfer the held call: a refused form or service stays on the call page with the
    message; done, the employee is back on the board."""
    if not form.is_valid():
        messages.error(request, refused)
        return redirect("videocalls:call", uuid=call.uuid)
    try:
        act(form.cleaned_data)
    except ServicepuntError as error:
        messages.error(request, error.message)
        return redirect("videocalls:call", uuid=call.uuid)
    messages.success(request, done)
    return redirect("videocalls:board")


@permission_required(ANSWER)
@require_POST
def end(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    call = _held(request, uuid)
    return _act_on_held(
        request,
        call,
        CallEndForm(request.POST),
        refused=_("Schrijf de uitkomst van het gesprek op."),
        act=lambda data: services.call_end(call=call, by=request.user, outcome=data["outcome"]),
        done=_("Het videogesprek is afgerond."),
    )


@permission_required(ANSWER)
@require_POST
def transfer(request: AuthenticatedRequest, uuid: UUID) -> HttpResponse:
    """Hand the call to a colleague with a note; it waits on the board for them."""
    call = _held(request, uuid)
    return _act_on_held(
        request,
        call,
        TransferForm(request.POST, colleagues=selectors.colleagues_answering(request.user)),
        refused=_("Kies een collega en schrijf op waarom u het gesprek doorzet."),
        act=lambda data: services.call_transfer(call=call, by=request.user, to=data["to"], note=data["note"]),
        done=_("Het gesprek is doorgezet. Uw collega pakt het op in de wachtrij."),
    )


@permission_required(ANSWER)
@require_GET
def employee_access(request: AuthenticatedRequest, uuid: UUID) -> JsonResponse:
    call = _held(request, uuid)
    name = request.user.get_full_name() or request.user.get_username()
    return _access(call, "employee", _("{name}, Servicepunt").format(name=name))
