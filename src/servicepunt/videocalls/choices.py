"""Vocabularies of the video calls that other apps may use too."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuestKind(models.TextChoices):
    """Who the employee invites into a call as a third party."""

    PARTNER = "partner", _("Medewerker van een partner")
    INTERPRETER = "interpreter", _("Tolk")
