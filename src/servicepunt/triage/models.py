from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TriageAccess(models.Model):
    """Holds the permission to use triage. Nothing is stored: the resident's words are not kept."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("use_triage", _("Mag triage gebruiken (waar moet ik beginnen?)"))]
