"""The vocabularies of privacy: the kinds of record in a retention report, with their names."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionKind(models.TextChoices):
    CASE = "case", _("Inwoners en hun vraagstukken")
    HANDOVER = "handover", _("Warme overdrachten van geanonimiseerde inwoners")
    APPOINTMENT = "appointment", _("Afspraken: notitie en videolink")
    NOTIFICATION = "notification", _("Berichten aan de inwoner (verzendgegevens)")
    CONSENT = "consent", _("Toestemmingen: notitie")
    INFOFLITS = "infoflits", _("Antwoorden van de infoflits")
    ACCESS_LOG = "access_log", _("Toegangslog")
    SECURITY_LOG = "security_log", _("Inloggebeurtenissen")
