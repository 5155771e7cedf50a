"""The work around a case: contact moments with the resident, tasks (call-backs, follow-ups)
and notes."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.cases.choices import ContactChannel, TaskKind
from servicepunt.cases.models.case import Case


class ContactMoment(models.Model):
    """One conversation with the resident (or their representative)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contact_moments")
    channel = models.CharField(_("kanaal"), max_length=20, choices=ContactChannel.choices)
    wijkbureau = models.CharField(
        _("wijkbureau"), max_length=100, blank=True, help_text=_("Bij videobellen of balie in een wijkbureau.")
    )
    at = models.DateTimeField(_("datum en tijd"))
    employee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("gesproken taal"), max_length=10, default="nl")
    interpreter = models.BooleanField(_("met tolk"), default=False)
    outcome = models.CharField(_("uitkomst"), max_length=300)
    # Of a video call: how long the resident waited for an employee, and how long they talked.
    waited = models.DurationField(_("wachttijd"), null=True, blank=True)
    duration = models.DurationField(_("duur"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(waited__isnull=True) | models.Q(waited__gte=dt.timedelta(0)),
                name="contact_moment_wait_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(duration__isnull=True) | models.Q(duration__gte=dt.timedelta(0)),
                name="contact_moment_duration_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_channel_display()}"


class Task(models.Model):
    """A call-back request or follow-up with a due date, for a person or a team."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("soort"), max_length=20, choices=TaskKind.choices)
    description = models.CharField(_("omschrijving"), max_length=300)
    due = models.DateField(_("uiterlijk op"), db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("toegewezen aan"),
    )
    team = models.CharField(
        _("team"), max_length=100, blank=True, help_text=_("Als de taak voor een team is en niet voor één persoon.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due", "id"]
        indexes = [
            models.Index(fields=["assigned_to", "done_at", "due"], name="task_worklist"),
            models.Index(fields=["due", "id"], condition=models.Q(done_at__isnull=True), name="task_open_due"),
        ]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def open(self) -> bool:
        return self.done_at is None


class Note(models.Model):
    """A free-text note on a case. Kept, never edited."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("notitie"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-written_at", "-id"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self) -> str:
        return self.text[:60]
