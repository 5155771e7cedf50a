from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LifeDomain(models.Model):
    """A life domain (leefdomein) of the infoflits, named after the Zelfredzaamheid-Matrix."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Vaste code uit domains.yaml."))
    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100)
    zrm_name = models.CharField(
        _("ZRM-domein"),
        max_length=100,
        blank=True,
        help_text=_("Naam van het domein in de Zelfredzaamheid-Matrix, als die er is."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("leefdomein")
        verbose_name_plural = _("leefdomeinen")

    def __str__(self) -> str:
        return self.name
