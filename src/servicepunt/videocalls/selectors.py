"""Reads of the video calls: the live queue board, the host's own calls, one call for the
people in it, and the wait estimate. The board costs a fixed number of queries however long the
queue is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from servicepunt.catalogue.selectors import entry_point_open_at
from servicepunt.videocalls.models import CallTransition, VideoCall
from servicepunt.videocalls.parameters import wait_threshold_seconds
from servicepunt.videocalls.queue import QUEUED, State, wait_estimate

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

HANDLING_SAMPLE = 50  # the most recent calls whose handling time gives the typical call


@dataclass(frozen=True)
class QueueRow:
    call: VideoCall
    position: int
    waited_seconds: int
    estimate_seconds: int

    @property
    def wijkbureau(self) -> str:
        return str(self.call.wijkbureau).split(", ", 1)[-1]

    @property
    def language(self) -> str:
        return str(self.call.get_language_display())

    @property
    def waited_minutes(self) -> int:
        return self.waited_seconds // 60

    @property
    def estimate_minutes(self) -> int:
        return max(1, -(-self.estimate_seconds // 60))


def _queued() -> QuerySet[VideoCall]:
    return VideoCall.objects.filter(state__in=[state.value for state in QUEUED]).order_by("requested_at", "id")


def _pace() -> tuple[list[float], int, int]:
    """Recent handling times (seconds), employees on duty and those of them free now. On duty:
    someone who held a call in the last hours; free: on duty and not holding one now."""
    recent = list(
        VideoCall.objects.filter(state=State.ENDED.value, picked_up_at__isnull=False, finished_at__isnull=False)
        .order_by("-finished_at")
        .values_list("picked_up_at", "finished_at")[:HANDLING_SAMPLE]
    )
    handling = [(finished - picked).total_seconds() for picked, finished in recent if picked and finished]
    since = timezone.now() - dt.timedelta(hours=4)
    on_duty = set(
        VideoCall.objects.filter(picked_up_at__gte=since, employee__isnull=False).values_list("employee_id", flat=True)
    )
    busy = set(
        VideoCall.objects.filter(state__in=(State.PICKED_UP.value, State.IN_CALL.value)).values_list(
            "employee_id", flat=True
        )
    )
    on_duty |= busy
    return handling, len(on_duty), len(on_duty - busy)


def queue_board(*, now: dt.datetime | None = None) -> list[QueueRow]:
    """The waiting calls, longest waiting first, with wijkbureau (4 queries in all)."""
    now = now or timezone.now()
    calls = list(_queued().select_related("wijkbureau"))
    handling, employees, free = _pace()
    return [
        QueueRow(
            call=call,
            position=index,
            waited_seconds=max(0, int((now - call.requested_at).total_seconds())),
            estimate_seconds=wait_estimate(position=index, handling_seconds=handling, employees=employees, free=free),
        )
        for index, call in enumerate(calls, start=1)
    ]


def queue_place(call: VideoCall) -> QueueRow | None:
    """The call's place in the queue and its estimate, or None when it no longer waits."""
    if call.state not in QUEUED:
        return None
    position = (
        _queued()
        .filter(requested_at__lte=call.requested_at)
        .exclude(requested_at=call.requested_at, id__gt=call.id)
        .count()
    )
    handling, employees, free = _pace()
    return QueueRow(
        call=call,
        position=position,
        waited_seconds=max(0, int((timezone.now() - call.requested_at).total_seconds())),
        estimate_seconds=wait_estimate(position=position, handling_seconds=handling, employees=employees, free=free),
    )


@dataclass(frozen=True)
class FallbackAdvice:
    """Whether the host should be offered a callback or an appointment instead of waiting."""

    closed: bool  # outside the hours of the wijkbureau's video service: nobody is expected to answer
    too_long: bool  # closed, or the wait (so far or expected) is past the dated threshold
    threshold_minutes: int


def fallback_advice(call: VideoCall, place: QueueRow | None, *, now: dt.datetime | None = None) -> FallbackAdvice:
    """The advice for a waiting call (`place` from `queue_place`; None: it no longer waits). The
    hours are the wijkbureau's video entry point's in the catalogue, with its dated closures."""
    now = now or timezone.now()
    threshold = wait_threshold_seconds(timezone.localdate(now))
    closed = place is not None and not entry_point_open_at(call.wijkbureau, now)
    waited_too_long = place is not None and max(place.waited_seconds, place.estimate_seconds) > threshold
    return FallbackAdvice(closed=closed, too_long=closed or waited_too_long, threshold_minutes=threshold // 60)


def call_for_host(*, user: User, uuid: UUID | str) -> VideoCall:
    """A call the host asked for (a wijkbureau sees only its own requests; others: 404)."""
    try:
        return VideoCall.objects.select_related("wijkbureau").get(uuid=uuid, requested_by=user)
    except (VideoCall.DoesNotExist, ValueError):
        raise Http404 from None


def call_for_employee(*, user: User, uuid: UUID | str) -> VideoCall:
    """A call for a Servicepunt employee (any call: they work the one queue)."""
    if not user.has_perm("videocalls.answer_videocall"):
        raise Http404
    try:
        return VideoCall.objects.select_related("wijkbureau", "case", "employee").get(uuid=uuid)
    except (VideoCall.DoesNotExist, ValueError):
        raise Http404 from None


def calls_of_host(user: User) -> list[VideoCall]:
    """The host's calls of today, newest first."""
    today = timezone.localdate()
    return list(
        VideoCall.objects.filter(requested_by=user, requested_at__date=today)
        .select_related("wijkbureau")
        .order_by("-requested_at")[:20]
    )


def call_state(*, uuid: UUID | str) -> str:
    """The state of a call as stored now (for checks that a request changed it or not)."""
    return str(VideoCall.objects.values_list("state", flat=True).get(uuid=uuid))


def queue_version() -> int:
    """A number that changes with every step of every call (one query): the board's rows are
    the same for everyone until it changes."""
    return int(CallTransition.objects.order_by("-id").values_list("id", flat=True).first() or 0)


def colleagues_answering(user: User) -> QuerySet[Any]:
    """The other active employees who may pick up video calls (a transfer's choice), by name."""
    codename = "answer_videocall"
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__permissions__codename=codename) | Q(user_permissions__codename=codename))
        .exclude(pk=user.pk)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
