from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ResidentLink(models.Model):
    """A resident's link to their appointments page (appointments.resident.links). Only the
    SHA-256 of its key is kept, and a salt from which the site's secret derives the key again.
    Staff revoke it (and send a new one) when a message went to the wrong person."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key_hash = models.CharField(_("sleutel (hash)"), max_length=64, unique=True, editable=False)
    # The key is an HMAC of this salt under the site's secret (appointments.resident.links), so a
    # later message about the same appointments can carry the same link instead of a new one; the
    # database alone still opens no page. Empty for links made before (their key cannot be derived).
    key_salt = models.CharField(max_length=32, blank=True, default="", editable=False)
    resident = models.ForeignKey("cases.Resident", on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(_("bereik"), max_length=1, help_text=_("c = vraagstuk, a = combinatie, p = afspraak."))
    subject = models.UUIDField(_("onderwerp"), help_text=_("Het vraagstuk, de combinatie of de afspraak."))
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("link voor de inwoner")
        verbose_name_plural = _("links voor inwoners")
        indexes = [models.Index(fields=["resident", "revoked_at"], name="resident_link_active")]
        constraints = [
            models.CheckConstraint(condition=models.Q(scope__in=["c", "a", "p"]), name="resident_link_scope"),
        ]

    def __str__(self) -> str:
        return str(self.uuid)
