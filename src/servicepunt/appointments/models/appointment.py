"""Appointments, combination arrangements and the append-only history of both."""

from __future__ import annotations

import uuid
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.appointments.choices import ActorKind, AppointmentStatus, ArrangementKind, EventKind, ModeChoice
from servicepunt.appointments.models.agenda import Agenda
from servicepunt.core.errors import AppendOnlyError

ONE_ACTIVE_PER_QUESTION = "one_active_appointment_per_question"


class Arrangement(models.Model):
    """A combination appointment: two or more appointments booked (and cancelled) as one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("soort"), max_length=20, choices=ArrangementKind.choices)
    mode = models.CharField(_("manier"), max_length=20, choices=ModeChoice.choices)
    meeting_url = models.URLField(_("videolink"), max_length=300, blank=True)
    idempotency_key = models.CharField(
        _("aanvraagsleutel"),
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Dezelfde aanvraag nog eens (bijvoorbeeld na een storing) boekt niet opnieuw."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("geboekt op"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("combinatieafspraak")
        verbose_name_plural = _("combinatieafspraken")

    def __str__(self) -> str:
        return f"Combinatieafspraak {self.uuid}"


class Appointment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agenda = models.ForeignKey(Agenda, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("agenda"))
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="+", verbose_name=_("product")
    )
    mode = models.CharField(_("manier"), max_length=20, choices=ModeChoice.choices)
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    status = models.CharField(
        _("status"), max_length=20, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    question = models.ForeignKey(
        "cases.Question",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("vraag"),
        help_text=_("De vraag van de inwoner waar deze afspraak bij hoort, als die er is."),
    )
    resident = models.ForeignKey(
        "cases.Resident",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("inwoner"),
    )
    arrangement = models.ForeignKey(
        Arrangement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("combinatieafspraak"),
    )
    meeting_url = models.URLField(_("videolink"), max_length=300, blank=True)
    note = models.CharField(_("notitie voor het loket"), max_length=300, blank=True)
    idempotency_key = models.CharField(
        _("aanvraagsleutel"),
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Dezelfde aanvraag nog eens (bijvoorbeeld na een storing) boekt niet opnieuw."),
    )
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(_("geboekt op"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(
                fields=["agenda", "start", "end"],
                condition=models.Q(status="booked"),
                name="appointment_agenda_booked",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="appointment_ends"),
            # Two tabs, or the back button after booking, must not give one question two appointments:
            # the booking service refuses it under a lock, and this index holds when anything else writes.
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(status="booked", question__isnull=False),
                name=ONE_ACTIVE_PER_QUESTION,
            ),
        ]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return f"Afspraak {self.uuid}"

    @property
    def active(self) -> bool:
        return self.status == AppointmentStatus.BOOKED


class AppointmentEventQuerySet(models.QuerySet["AppointmentEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("appointment history cannot be changed")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("appointment history cannot be removed")


class AppointmentEvent(models.Model):
    """History: who booked, cancelled or moved an appointment, when, and from when to when."""

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(_("moment"), auto_now_add=True)
    kind = models.CharField(_("wat"), max_length=20, choices=EventKind.choices)
    actor_kind = models.CharField(_("door wie"), max_length=20, choices=ActorKind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De medewerker, of de systeemgebruiker voor wat de inwoner zelf deed."),
    )
    actor_description = models.CharField(_("toelichting op wie"), max_length=200, blank=True)
    previous_start = models.DateTimeField(_("was begin"), null=True, blank=True)
    previous_end = models.DateTimeField(_("was einde"), null=True, blank=True)
    previous_agenda = models.ForeignKey(
        Agenda, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("was agenda")
    )
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    reason = models.CharField(_("reden"), max_length=300, blank=True)

    objects = AppointmentEventQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("afspraakgeschiedenis")
        verbose_name_plural = _("afspraakgeschiedenis")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("appointment history cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("appointment history cannot be removed")
