from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Figures(models.Model):
    """No table: only the permission to see aggregated figures (team leads), never a resident."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_figures", _("Mag cijfers zien (alleen totalen, geen inwoners)"))]
