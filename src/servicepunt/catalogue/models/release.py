from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogueRelease(models.Model):
    """A load of the catalogue files: which version, with which content, when, with what effect."""

    version = models.CharField(_("versie"), max_length=40)
    valid_from = models.DateField(_("geldig vanaf"))
    content_hash = models.CharField(_("inhoud (SHA-256)"), max_length=64)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now_add=True)
    changes = models.JSONField(_("wijzigingen"), default=dict)

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"
        verbose_name = _("catalogusversie")
        verbose_name_plural = _("catalogusversies")

    def __str__(self) -> str:
        return f"{self.version} ({self.loaded_at:%Y-%m-%d %H:%M})"


class CatalogueRevision(models.Model):
    """A single counter raised on every change to the catalogue, so caches (the triage index)
    know when to rebuild without comparing content."""

    revision = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("catalogusrevisie")


class UplEntry(models.Model):
    """One row of the Uniforme Productnamenlijst (UPL) of standaarden.overheid.nl."""

    uri = models.URLField(_("URI"), max_length=300, unique=True)
    name = models.CharField(_("uniforme productnaam"), max_length=300)
    legal_bases = models.JSONField(
        _("grondslagen"), default=list, blank=True, help_text=_("Wettelijke grondslagen: lijst van {label, link}.")
    )
    for_gemeente = models.BooleanField(default=False)
    for_rijk = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("UPL-product")
        verbose_name_plural = _("UPL-lijst")

    def __str__(self) -> str:
        return self.name
