from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.models.domain import LifeDomain
from servicepunt.catalogue.models.organisation import EntryPoint, Organisation


class Product(models.Model):
    """A product or service a resident can be offered, under a stable code."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_("Vaste code (products.yaml); triage, regels en API gebruiken deze."),
    )
    name = models.CharField(_("naam"), max_length=200, help_text=_("Officiële of gangbare Nederlandse naam."))
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    upl_uri = models.URLField(
        _("UPL-URI"), max_length=300, blank=True, help_text=_("URI in de Uniforme Productnamenlijst, als die er is.")
    )
    upl_name = models.CharField(
        _("UPL-naam"), max_length=200, blank=True, help_text=_("Uniforme productnaam, overgenomen uit de UPL-lijst.")
    )
    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="products", verbose_name=_("eigenaar")
    )
    domains = models.ManyToManyField(LifeDomain, related_name="products", verbose_name=_("leefdomeinen"))
    entry_points = models.ManyToManyField(EntryPoint, related_name="products", blank=True, verbose_name=_("loketten"))
    urgent = models.BooleanField(
        _("spoed"), default=False, help_text=_("Crisishulp: altijd als eerste tonen en dezelfde dag warm overdragen.")
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("product")
        verbose_name_plural = _("producten")

    def __str__(self) -> str:
        return self.name


class ProductContent(models.Model):
    """Resident-facing text of a product in one language (Dutch B1, English, later more)."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="contents")
    language = models.CharField(_("taal"), max_length=10)
    summary = models.CharField(_("in één zin"), max_length=300)
    for_whom = models.TextField(_("voor wie"))
    what_you_get = models.TextField(_("wat krijgt u"))
    how_to_apply = models.TextField(_("hoe vraagt u het aan"))
    what_to_bring = models.JSONField(_("wat neemt u mee"), default=list)

    class Meta:
        ordering = ["product", "language"]
        constraints = [models.UniqueConstraint(fields=["product", "language"], name="one_content_per_language")]
        verbose_name = _("producttekst")
        verbose_name_plural = _("productteksten")

    def __str__(self) -> str:
        return f"{self.product.code} ({self.language})"


class SearchTerm(models.Model):
    """An everyday word or phrase residents use for a product, in some language."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="search_terms")
    language = models.CharField(_("taal"), max_length=10)
    phrase = models.CharField(_("woord of zin"), max_length=200)

    class Meta:
        ordering = ["product", "language", "phrase"]
        constraints = [models.UniqueConstraint(fields=["product", "language", "phrase"], name="unique_search_term")]
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self) -> str:
        return self.phrase
