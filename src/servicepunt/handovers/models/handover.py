from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.handovers.choices import Outcome, RejectionReason
from servicepunt.handovers.models.consent import Consent
from servicepunt.handovers.states import HandoverState

STATE_LABELS = {
    HandoverState.CONCEPT: _("Concept"),
    HandoverState.SENT: _("Verstuurd"),
    HandoverState.RECEIVED: _("Ontvangen"),
    HandoverState.ACCEPTED: _("Geaccepteerd"),
    HandoverState.REJECTED: _("Afgewezen"),
    HandoverState.PLANNED: _("Afspraak gepland"),
    HandoverState.COMPLETED: _("Afgerond"),
}


class Handover(models.Model):
    """A warm handover of one question to an organisation's entry point, so the resident does
    not have to tell the story again."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question = models.ForeignKey("cases.Question", on_delete=models.PROTECT, related_name="handovers")
    entry_point = models.ForeignKey("catalogue.EntryPoint", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("catalogue.Organisation", on_delete=models.PROTECT, related_name="handovers")
    consent = models.OneToOneField(Consent, on_delete=models.PROTECT, related_name="handover")
    summary = models.TextField(_("samenvatting in de woorden van de inwoner"))
    facts = models.JSONField(_("feiten uit de infoflits"), default=dict, blank=True)
    contact = models.JSONField(_("contactvoorkeuren"), default=dict, blank=True)
    zrm_scores = models.JSONField(
        _("zelfredzaamheid"),
        default=dict,
        blank=True,
        help_text=_("Per leefdomein de score van 1 tot en met 5 (ZRM), alleen als de inwoner die wilde delen."),
    )
    state = models.CharField(
        _("status"),
        max_length=20,
        default=HandoverState.CONCEPT,
        choices=[(state.value, label) for state, label in STATE_LABELS.items()],
    )
    rejection_reason = models.CharField(
        _("reden van afwijzen"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("warme overdracht")
        verbose_name_plural = _("warme overdrachten")
        permissions = [("work_partner_inbox", _("Mag overdrachten aan de eigen organisatie behandelen"))]

    def __str__(self) -> str:
        return f"Overdracht {self.uuid}"


class HandoverTransition(models.Model):
    """History: who moved the handover from which state to which, when and why."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20)
    to_state = models.CharField(max_length=20)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now, editable=False)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"

    @property
    def to_label(self) -> str:
        return str(STATE_LABELS[HandoverState(self.to_state)])
