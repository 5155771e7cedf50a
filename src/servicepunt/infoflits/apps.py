from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfoflitsConfig(AppConfig):
    name = "servicepunt.infoflits"
    label = "infoflits"
    verbose_name = _("Infoflits")
