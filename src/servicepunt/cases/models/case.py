from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.cases.choices import CaseStatus, ClosingReason, EventKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.models.resident import Resident

RESOLUTION_LABELS = {
    Resolution.OPEN: _("Open"),
    Resolution.BOOKED: _("Afspraak gemaakt"),
    Resolution.ANSWERED: _("Direct beantwoord"),
    Resolution.DECLINED: _("Inwoner ziet ervan af"),
    Resolution.PARTNER_ACCEPTED: _("Partner heeft overgenomen"),
}


class Case(models.Model):
    """A vraagstuk: one resident's questions and everything arranged for them."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="cases")
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    closing_reason = models.CharField(
        _("reden van afsluiten"), max_length=20, choices=ClosingReason.choices, blank=True
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    infoflits = models.OneToOneField(
        "infoflits.Infoflits", on_delete=models.PROTECT, null=True, blank=True, related_name="case"
    )

    class Meta:
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["opened_by", "status"], name="case_worklist"),
            models.Index(
                fields=["opened_by", "opened_at"], condition=~models.Q(status="afgesloten"), name="case_open_worklist"
            ),
        ]
        verbose_name = _("vraagstuk")
        verbose_name_plural = _("vraagstukken")
        permissions = [
            ("work_cases", _("Mag inwoners en vraagstukken behandelen")),
            ("view_all_cases", _("Mag alle vraagstukken zien, niet alleen de zelf geregistreerde")),
        ]

    def __str__(self) -> str:
        return f"Vraagstuk {self.uuid}"


class Question(models.Model):
    """One question of the resident, in their own words, later linked to a life domain and product."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("vraag in de woorden van de inwoner"))
    domain = models.ForeignKey(
        "catalogue.LifeDomain", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    resolution = models.CharField(
        _("afhandeling"),
        max_length=20,
        default=Resolution.OPEN,
        choices=[(r.value, label) for r, label in RESOLUTION_LABELS.items()],
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return self.text[:60]


# The timeline line for each way a question is resolved.
RESOLUTION_EVENTS = {
    "booked": EventKind.QUESTION_BOOKED,
    "answered": EventKind.QUESTION_ANSWERED,
    "declined": EventKind.QUESTION_DECLINED,
    "partner_accepted": EventKind.QUESTION_PARTNER_ACCEPTED,
}


class CaseEvent(models.Model):
    """The timeline of a case: everything that happened, by whom and when. Append-only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, editable=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort"), max_length=40, choices=EventKind.choices)
    detail = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=EventKind.values), name="case_event_kind_known")
        ]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("tijdlijn")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    @property
    def label(self) -> str:
        return str(EventKind(self.kind).label)
