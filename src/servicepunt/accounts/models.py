from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member. Partner staff are bound to the one organisation whose work they see."""

    organisation = models.ForeignKey(
        "catalogue.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("organisatie"),
        help_text=_("Verplicht voor partner-medewerkers: zij zien alleen het werk van deze organisatie."),
    )

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
