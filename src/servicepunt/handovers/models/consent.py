from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Mondeling aan de balie")
    SIGNED = "signed", _("Ondertekend")
    VIDEO = "video", _("Via videobellen")


class Consent(models.Model):
    """The resident's consent to share named data with one organisation. Withdrawable."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey("cases.Resident", on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey("catalogue.Organisation", on_delete=models.PROTECT, related_name="+")
    what_is_shared = models.TextField(_("wat wordt gedeeld"))
    method = models.CharField(_("hoe gegeven"), max_length=10, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"Toestemming {self.uuid}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None
