"""The vocabularies of handovers: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RejectionReason(models.TextChoices):
    NO_CAPACITY = "no_capacity", _("Geen capaciteit")
    NOT_ELIGIBLE = "not_eligible", _("Komt niet in aanmerking")
    MISSING_DOCUMENTS = "missing_documents", _("Documenten ontbreken")
    WRONG_ORGANISATION = "wrong_organisation", _("Verkeerde organisatie")
    OTHER = "other", _("Anders")


class Outcome(models.TextChoices):
    HELPED = "helped", _("Geholpen")
    NOT_HELPED = "not_helped", _("Niet geholpen")


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Mondeling aan de balie")
    SIGNED = "signed", _("Ondertekend")
    REPRESENTATIVE = "representative", _("Door een vertegenwoordiger")
    VIDEO = "video", _("Via videobellen")
