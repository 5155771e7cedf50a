"""The vocabularies of catalogue: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    RIJK = "rijk", _("Rijksoverheid")
    PARTNER = "partner", _("Partnerorganisatie")


class EntryChannel(models.TextChoices):
    """How an entry point can be reached (not how a conversation went: that is
    cases.ContactChannel)."""

    BALIE = "balie", _("Balie")
    TELEFOON = "telefoon", _("Telefoon")
    VIDEO = "video", _("Videobellen")
    EMAIL = "e-mail", _("E-mail")
    WEBSITE = "website", _("Website")
