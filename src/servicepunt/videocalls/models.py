"""A video call from a wijkbureau to the Servicepunt: the request, its place in the queue, who
picked it up, the room on the media server, and every transition (for the contact moment and
the reporting of wait, pick-up time and abandonment)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from servicepunt.videocalls.choices import GuestKind
from servicepunt.videocalls.queue import Event, State


class CallState(models.TextChoices):
    REQUESTED = State.REQUESTED.value, _("Aangevraagd")
    WAITING = State.WAITING.value, _("Wacht")
    PICKED_UP = State.PICKED_UP.value, _("Opgepakt")
    IN_CALL = State.IN_CALL.value, _("In gesprek")
    TRANSFERRED = State.TRANSFERRED.value, _("Doorgezet")
    ENDED = State.ENDED.value, _("Afgerond")
    ABANDONED = State.ABANDONED.value, _("Gestopt")
    FALLBACK = State.FALLBACK.value, _("Anders geregeld")


class CallLanguage(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    UKRAINIAN = "uk", _("Oekraïens")
    TIGRINYA = "ti", _("Tigrinya")
    SOMALI = "so", _("Somalisch")
    OTHER = "other", _("Andere taal")


# The states in which an employee holds the call; one employee holds at most one call at a time.
HELD = (State.PICKED_UP.value, State.IN_CALL.value)


class VideoCall(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    wijkbureau = models.ForeignKey(
        "catalogue.EntryPoint",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("wijkbureau"),
        help_text=_("Het loket 'Videobellen met het Servicepunt' van het wijkbureau."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangevraagd door")
    )
    topic = models.CharField(_("onderwerp"), max_length=200, help_text=_("Eén regel: waar gaat de vraag over?"))
    language = models.CharField(_("taal"), max_length=10, choices=CallLanguage.choices, default=CallLanguage.DUTCH)
    interpreter_needed = models.BooleanField(_("tolk nodig"), default=False)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("vraagstuk")
    )
    state = models.CharField(_("status"), max_length=20, choices=CallState.choices, default=CallState.REQUESTED)
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    transfer_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doorgezet naar"),
    )
    room_provider = models.CharField(max_length=20, blank=True)
    room_id = models.CharField(max_length=64, blank=True)
    room_secret = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=300, blank=True)
    # Fixed when the room is made, so the notice on every page of the call tells the truth even if
    # the setting changes during the call.
    recorded = models.BooleanField(_("wordt opgenomen"), default=False)
    requested_at = models.DateTimeField(_("aangevraagd om"))
    picked_up_at = models.DateTimeField(_("opgepakt om"), null=True, blank=True)
    connected_at = models.DateTimeField(_("gesprek begonnen om"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afgelopen om"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("videogesprek")
        verbose_name_plural = _("videogesprekken")
        permissions = [
            ("request_videocall", _("Mag een videogesprek met het Servicepunt aanvragen")),
            ("answer_videocall", _("Mag videogesprekken uit de wachtrij oppakken")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=CallState.values), name="videocall_state_known"),
            models.CheckConstraint(
                condition=~Q(state__in=HELD) | Q(employee__isnull=False), name="videocall_held_has_employee"
            ),
            models.CheckConstraint(
                condition=~Q(state=State.TRANSFERRED.value) | Q(transfer_to__isnull=False),
                name="videocall_transfer_has_colleague",
            ),
            models.UniqueConstraint(
                fields=["employee"], condition=Q(state__in=HELD), name="videocall_one_call_per_employee"
            ),
        ]
        indexes = [models.Index(fields=["state", "requested_at"], name="videocall_queue")]

    def __str__(self) -> str:
        return f"{self.uuid} {self.state}"


class CallTransition(models.Model):
    """One step of a call (append-only): what happened, by whom, when, and the note of a transfer."""

    call = models.ForeignKey(VideoCall, on_delete=models.CASCADE, related_name="transitions")
    event = models.CharField(max_length=20, choices=[(event.value, event.value) for event in Event])
    from_state = models.CharField(max_length=20, choices=CallState.choices)
    to_state = models.CharField(max_length=20, choices=CallState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]


class CallGuest(models.Model):
    """A third party in a call (a partner's employee, an interpreter), invited by the employee
    with a one-off link that expires. Only the SHA-256 of the link's key is stored; the first
    browser that opens it is bound to it (`browser_hash`, the SHA-256 of a token in that
    browser's session), and the end of the call revokes it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call = models.ForeignKey(VideoCall, on_delete=models.CASCADE, related_name="guests")
    kind = models.CharField(_("wie"), max_length=20, choices=GuestKind.choices)
    label = models.CharField(_("naam of organisatie"), max_length=80, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    browser_hash = models.CharField(max_length=64, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "id"]
        verbose_name = _("gast in een videogesprek")
        verbose_name_plural = _("gasten in videogesprekken")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=GuestKind.values), name="callguest_kind_known"),
            models.CheckConstraint(condition=Q(key_hash__regex=r"^[0-9a-f]{64}$"), name="callguest_key_is_sha256"),
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("invited_at")), name="callguest_expires_later"),
            models.CheckConstraint(
                condition=Q(joined_at__isnull=True, browser_hash="")
                | Q(joined_at__isnull=False, browser_hash__regex=r"^[0-9a-f]{64}$"),
                name="callguest_joined_has_browser",
            ),
            models.CheckConstraint(
                condition=~Q(kind=GuestKind.PARTNER.value) | ~Q(label=""), name="callguest_partner_has_label"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call_id} {self.kind}"
