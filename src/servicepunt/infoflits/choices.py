"""The vocabularies of infoflits: the values its rows take, importable by other apps without its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    OFFERED = "offered", _("Aangeboden")
    ACCEPTED = "accepted", _("Geaccepteerd")
    DECLINED = "declined", _("Afgewezen door inwoner")
    ALREADY_ARRANGED = "already_arranged", _("Al geregeld")
    NOT_APPLICABLE = "not_applicable", _("Niet van toepassing")
