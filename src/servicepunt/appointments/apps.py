from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "servicepunt.appointments"
    verbose_name = _("Afspraken")

    def ready(self) -> None:
        from servicepunt.appointments import checks  # noqa: F401  (registers the deploy checks)
