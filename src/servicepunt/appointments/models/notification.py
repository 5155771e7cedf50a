"""The notification log, which is also each message's delivery record: which confirmation,
reminder or cancellation goes to the resident about which appointment, by which channel, and
where it stands (queued, sent, failed after its tries, or not sent and why). It holds no message
text and no address: the task renders the message when it sends it, and a failure is kept as the
error's class name only."""

from __future__ import annotations

import uuid as uuid_module

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.appointments.choices import NotificationChannel, NotificationKind, NotificationStatus
from servicepunt.appointments.models.appointment import Appointment


class Notification(models.Model):
    """One message (or the decision not to send one) about one appointment. A message about a
    combination has one row per part it covers; its rows share `message`, and the delivery task
    updates them together."""

    uuid = models.UUIDField(default=uuid_module.uuid4, unique=True, editable=False)
    message = models.UUIDField(
        _("bericht"),
        default=uuid_module.uuid4,
        db_index=True,
        editable=False,
        help_text=_("Dezelfde waarde voor alle afspraken waar één bericht over gaat."),
    )
    appointment = models.ForeignKey(
        Appointment, on_delete=models.PROTECT, related_name="notifications", verbose_name=_("afspraak")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=NotificationKind.choices)
    channel = models.CharField(_("kanaal"), max_length=10, choices=NotificationChannel.choices)
    status = models.CharField(_("status"), max_length=10, choices=NotificationStatus.choices)
    starts_at = models.DateTimeField(
        _("begin van de afspraak"),
        help_text=_("De tijd waarover het bericht ging. Een verzette afspraak krijgt weer een herinnering."),
    )
    reason = models.CharField(
        _("reden"),
        max_length=40,
        blank=True,
        help_text=_("Waarom er niets is verstuurd, als code: bijvoorbeeld no-address of preference-letter."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak het versturen is geprobeerd.")
    )
    last_error = models.CharField(
        _("laatste fout"),
        max_length=100,
        blank=True,
        help_text=_("Alleen de soort fout (bijvoorbeeld SMTPServerDisconnected), nooit de tekst of een adres."),
    )
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    at = models.DateTimeField(_("moment"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            # Run the reminder job twice: the second run finds the row and sends nothing.
            models.UniqueConstraint(
                fields=["appointment", "kind", "channel", "starts_at"],
                condition=models.Q(kind="reminder"),
                name="one_reminder_per_appointment_channel",
            )
        ]
        verbose_name = _("bericht aan de inwoner")
        verbose_name_plural = _("berichten aan de inwoner")

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} {self.status}"
