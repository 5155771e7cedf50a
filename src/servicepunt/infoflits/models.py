from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from servicepunt.infoflits.choices import Decision


class Infoflits(models.Model):
    """A short scan across all life domains for one household. Its answers are kept as versions."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gestart door")
    )
    started_at = models.DateTimeField(_("gestart op"), default=timezone.now, editable=False)
    reference_date = models.DateField(
        _("peildatum"), default=dt.date.today, help_text=_("De regels gebruiken de bedragen en grenzen van deze datum.")
    )
    answers_removed_at = models.DateTimeField(
        _("antwoorden gewist op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Na de bewaartermijn zijn de antwoorden gewist; alleen de peildatum blijft."),
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("infoflits")
        verbose_name_plural = _("infoflitsen")
        default_permissions = ()
        permissions = [
            ("run_infoflits", _("Mag een infoflits afnemen")),
            ("view_all_infoflits", _("Mag alle infoflitsen zien, niet alleen de eigen")),
        ]

    def __str__(self) -> str:
        return f"Infoflits {self.uuid}"


class SituationVersion(models.Model):
    """One saved state of the household's situation. Never changed: a new save is a new version."""

    infoflits = models.ForeignKey(Infoflits, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versie"))
    situation = models.JSONField(_("situatie"), help_text=_("Volgens situation.schema.json."))
    self_sufficiency = models.JSONField(
        _("zelfredzaamheid"), default=dict, help_text=_("Per leefdomein een score van 1 tot en met 5 (ZRM).")
    )
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(_("opgeslagen op"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["infoflits", "-number"]
        constraints = [models.UniqueConstraint(fields=["infoflits", "number"], name="one_version_number")]
        verbose_name = _("situatieversie")
        verbose_name_plural = _("situatieversies")

    def __str__(self) -> str:
        return f"{self.infoflits} v{self.number}"


class SuggestionDecision(models.Model):
    """What the employee marked for a suggested product, by whom and when. Append-only: the
    newest row per product is the current decision; older rows are the history."""

    infoflits = models.ForeignKey(Infoflits, on_delete=models.CASCADE, related_name="decisions")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices)
    rule = models.CharField(_("regel"), max_length=100, blank=True, help_text=_("De regel die het voorstel deed."))
    asked = models.BooleanField(
        _("gevraagd"), default=False, help_text=_("De inwoner vroeg zelf om dit product (geen extra product).")
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("besloten op"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["infoflits", "product", "-decided_at", "-id"]
        verbose_name = _("besluit over voorstel")
        verbose_name_plural = _("besluiten over voorstellen")

    def __str__(self) -> str:
        return f"{self.product_id}: {self.decision}"
