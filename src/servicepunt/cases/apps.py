from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "servicepunt.cases"
    label = "cases"
    verbose_name = _("Inwoners en vraagstukken")

    def ready(self) -> None:
        from servicepunt.cases.selectors import resident_of_infoflits
        from servicepunt.infoflits.selectors import infoflits_resident_lookup_register

        infoflits_resident_lookup_register(resident_of_infoflits)
