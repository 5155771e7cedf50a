from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.handovers.choices import ConsentMethod


class Consent(models.Model):
    """The resident's consent to share named categories of data with one organisation for one
    question (the purpose), until a date. Every handover has its own. Withdrawable."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey("cases.Resident", on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey("catalogue.Organisation", on_delete=models.PROTECT, related_name="+")
    question = models.ForeignKey(
        "cases.Question",
        on_delete=models.CASCADE,  # no purpose left; the handover (PROTECT) keeps both meanwhile
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Het doel: de vraag waarvoor gedeeld wordt."),
    )
    categories = models.JSONField(
        _("wat wordt gedeeld"),
        default=list,
        help_text=_("Codes uit handovers.categories; de naam staat er altijd in."),
    )
    infoflits_domains = models.JSONField(
        _("infoflits per leefdomein"),
        default=list,
        blank=True,
        help_text=_("Codes van de leefdomeinen waarvan de antwoorden uit de infoflits gedeeld worden."),
    )
    note = models.TextField(
        _("notitie"), blank=True, help_text=_("Toelichting; bij oude toestemmingen de vrije tekst van toen.")
    )
    method = models.CharField(_("hoe gegeven"), max_length=20, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now, editable=False)
    valid_until = models.DateField(_("geldig tot en met"))
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        # The categories (known ones, the name always among them) and the domains (a list) are
        # also checked by PostgreSQL: constraints consent_categories_known_with_name and
        # consent_infoflits_domains_list, added by migration 0006 with jsonb operators, because
        # SQLite cannot check inside a JSON list (there the service is the guard).
        constraints = [
            models.CheckConstraint(condition=models.Q(method__in=ConsentMethod.values), name="consent_method_known"),
        ]

    def __str__(self) -> str:
        return f"Toestemming {self.uuid}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None

    def expired(self, today: dt.date) -> bool:
        return today > self.valid_until
