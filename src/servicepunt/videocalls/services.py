"""The use cases of a video call, one service each: it validates its input, owns its
transaction, takes the call's row lock and applies the queue's state machine (queue.py), so two
employees never pick up one call and a call never moves in a way the machine does not allow.
The room on the media server is created before the call joins the queue and destroyed when it
finishes; a media server that does not answer gives a clear error, never a call nobody can join."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.cases.services import contact_moment_record
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.validation import text_checked
from servicepunt.videocalls.media import MediaError, Room, media_provider
from servicepunt.videocalls.models import CallGuest, CallLanguage, CallTransition, VideoCall
from servicepunt.videocalls.queue import FINAL, Event, State, TransitionRefused, next_state

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

logger = logging.getLogger(__name__)

# The participants of a room: the wijkbureau's screen and the Servicepunt employee (a transfer
# hands the employee's place to the colleague).
PARTICIPANTS = ("host", "employee")


class CallNotPossible(ServicepuntError):
    status = 409
    code = "call-not-possible"


class MediaUnavailable(ServicepuntError):
    status = 503
    code = "media-unavailable"


@dataclass(frozen=True)
class CallRequestInput:
    wijkbureau: Any  # an EntryPoint from catalogue.selectors.entry_points_video()
    topic: str
    language: str = CallLanguage.DUTCH
    interpreter_needed: bool = False
    accessibility: str = ""
    case: Any = None  # a Case the host may see (cases.selectors.case_get), or None


def wijkbureau_label(entry_point: Any) -> str:
    """ "Wijkbureau Overvecht" from the entry point "Videobellen met het Servicepunt, Wijkbureau Overvecht"."""
    return str(entry_point).split(", ", 1)[-1]


def room_of(call: VideoCall) -> Room:
    return Room(provider=call.room_provider, room_id=call.room_id, secret=call.room_secret)


def _locked(call: VideoCall) -> VideoCall:
    return VideoCall.objects.select_for_update().get(pk=call.pk)


def _step(call: VideoCall, event: Event, by: User, note: str = "") -> State:
    """Move the (locked) call by one event and record the step; refused as a CallNotPossible."""
    current = State(call.state)
    try:
        target = next_state(current, event)
    except TransitionRefused:
        raise CallNotPossible(
            _("Dit kan niet meer: het gesprek is al {state}.").format(state=call.get_state_display().lower())
        ) from None
    call.state = target.value
    CallTransition.objects.create(
        call=call,
        event=event.value,
        from_state=current.value,
        to_state=target.value,
        by=by,
        at=timezone.now(),
        note=note,
    )
    return target


def recording_on() -> bool:
    """Whether new calls are recorded: off unless the municipality switches it on
    (SERVICEPUNT_VIDEO_RECORDING), and then every page of the call says so."""
    return bool(settings.SERVICEPUNT_VIDEO_RECORDING)


def call_request(*, host: User, data: CallRequestInput, now: dt.datetime | None = None) -> VideoCall:
    """The wijkbureau host asks for a video call: a room is made on the media server, then the
    call joins the queue (requested, then waiting, in one transaction)."""
    if data.wijkbureau is None:
        raise InvalidInput(_("Kies het wijkbureau."), field="wijkbureau")
    topic = text_checked(
        data.topic, field="topic", max_length=200, required=_("Schrijf in één regel waar het over gaat.")
    )
    if "\n" in topic:
        raise InvalidInput(_("Schrijf het onderwerp op één regel."), field="topic")
    if data.language not in CallLanguage.values:
        raise InvalidInput(_("Kies een taal uit de lijst."), field="language")
    accessibility = text_checked(data.accessibility, field="accessibility", max_length=300)
    provider = media_provider()
    try:
        room = provider.create_room(
            participants=PARTICIPANTS, description=wijkbureau_label(data.wijkbureau), record=recording_on()
        )
    except MediaError as exc:
        logger.warning("videocall_room_failed", extra={"error": str(exc)})
        raise MediaUnavailable(
            _("Videobellen lukt nu niet: de videoserver reageert niet. Vraag een terugbelverzoek of afspraak aan.")
        ) from exc
    try:
        with transaction.atomic():
            call = VideoCall.objects.create(
                wijkbureau=data.wijkbureau,
                requested_by=host,
                topic=topic,
                language=data.language,
                interpreter_needed=bool(data.interpreter_needed),
                accessibility=accessibility,
                case=data.case,
                room_provider=room.provider,
                room_id=room.room_id,
                room_secret=room.secret,
                recorded=recording_on(),
                requested_at=now or timezone.now(),
            )
            _step(call, Event.ENQUEUE, host)
            call.save()
    except Exception:
        provider.destroy_room(room)
        raise
    logger.info("videocall_requested", extra={"call": str(call.uuid)})
    return call


def _finish(call: VideoCall) -> None:
    """After a final state: the room goes (after commit, so a rollback keeps it)."""
    room = room_of(call)
    call.finished_at = timezone.now()
    guests_revoke(call, now=call.finished_at)

    def destroy() -> None:
        try:
            media_provider().destroy_room(room)
        except MediaError:
            logger.warning("videocall_room_destroy_failed", extra={"call": str(call.uuid)})

    if room.room_id:
        transaction.on_commit(destroy)


@transaction.atomic
def call_cancel(*, call: VideoCall, by: User) -> VideoCall:
    """The host (or resident) stops waiting, or hangs up before an employee connected."""
    call = _locked(call)
    _step(call, Event.CANCEL, by)
    call.employee = None
    _finish(call)
    call.save()
    return call


@transaction.atomic
def call_pick_up(*, call: VideoCall, employee: User) -> VideoCall:
    """An employee takes a waiting call (or the one transferred to them). Under the row lock, so
    of two employees at once one gets it and the other hears it is taken; an employee holds at
    most one call (and the database says so too)."""
    call = _locked(call)
    if call.state == State.TRANSFERRED and call.transfer_to_id != employee.pk:
        raise CallNotPossible(_("Dit gesprek is doorgezet naar een collega."))
    if call.state not in (State.WAITING, State.TRANSFERRED):
        raise CallNotPossible(_("Een collega heeft dit gesprek al opgepakt."))
    if VideoCall.objects.filter(employee=employee, state__in=(State.PICKED_UP, State.IN_CALL)).exists():
        raise CallNotPossible(_("U heeft al een videogesprek. Rond dat eerst af."))
    _step(call, Event.PICK_UP, employee)
    call.employee = employee
    call.transfer_to = None
    call.picked_up_at = call.picked_up_at or timezone.now()
    try:
        with transaction.atomic():
            call.save()
    except IntegrityError:
        raise CallNotPossible(_("U heeft al een videogesprek. Rond dat eerst af.")) from None
    logger.info("videocall_picked_up", extra={"call": str(call.uuid)})
    return call


@transaction.atomic
def call_connect(*, call: VideoCall, employee: User) -> VideoCall:
    """The employee is in the room: the call is in progress (a second connect changes nothing)."""
    call = _locked(call)
    if call.employee_id != employee.pk:
        raise CallNotPossible(_("Dit gesprek is van een collega."))
    if call.state == State.IN_CALL:
        return call
    _step(call, Event.CONNECT, employee)
    call.connected_at = call.connected_at or timezone.now()
    call.save()
    return call


@transaction.atomic
def call_transfer(*, call: VideoCall, by: User, to: User | None, note: str) -> VideoCall:
    """Hand the call to a colleague, with a note of why; the colleague picks it up."""
    if to is None:
        raise InvalidInput(_("Kies een collega."), field="to")
    note = text_checked(note, field="note", max_length=300, required=_("Schrijf op waarom u het gesprek doorzet."))
    call = _locked(call)
    if call.employee_id != by.pk:
        raise CallNotPossible(_("Dit gesprek is van een collega."))
    if to.pk == by.pk or not to.has_perm("videocalls.answer_videocall"):
        raise InvalidInput(_("Kies een collega die videogesprekken kan oppakken."), field="to")
    _step(call, Event.TRANSFER, by, note)
    call.employee = None
    call.transfer_to = to
    call.save()
    return call


@transaction.atomic
def call_end(*, call: VideoCall, by: User, outcome: str) -> VideoCall:
    """The employee ends the call: the room is closed and, when the call is on a case, the
    contact moment is recorded there (channel video from the wijkbureau, language, interpreter)."""
    outcome = text_checked(
        outcome, field="outcome", max_length=300, required=_("Schrijf de uitkomst van het gesprek op.")
    )
    call = _locked(call)
    if call.employee_id != by.pk:
        raise CallNotPossible(_("Dit gesprek is van een collega."))
    _step(call, Event.END, by)
    call.outcome = outcome
    _finish(call)
    call.save()
    if call.case is not None:
        contact_moment_record(
            case=call.case,
            employee=by,
            channel="video_wijkbureau",
            outcome=outcome,
            at=call.connected_at or call.picked_up_at,
            wijkbureau=wijkbureau_label(call.wijkbureau)[:100],
            language=call.language if call.language != "other" else "",
            interpreter=call.interpreter_needed,
            waited=call.picked_up_at - call.requested_at if call.picked_up_at else None,
            duration=call.finished_at - call.connected_at if call.connected_at and call.finished_at else None,
        )
    return call


@transaction.atomic
def call_fall_back(*, call: VideoCall, by: User, choice: str) -> VideoCall:
    """Nobody can answer: the host arranges a callback or an appointment instead."""
    if choice not in ("callback", "appointment"):
        raise InvalidInput(_("Kies terugbellen of een afspraak."), field="choice")
    call = _locked(call)
    _step(call, Event.FALL_BACK, by, choice)
    call.outcome = choice
    _finish(call)
    call.save()
    return call


def is_final(call: VideoCall) -> bool:
    return State(call.state) in FINAL


def guests_revoke(call: VideoCall, *, now: dt.datetime | None = None) -> int:
    """Revoke every guest link of the call that still works (videocalls/guests.py): the call is over."""
    return CallGuest.objects.filter(call=call, revoked_at__isnull=True).update(revoked_at=now or timezone.now())
