from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "servicepunt.appointments"
    verbose_name = _("Afspraken")

    def ready(self) -> None:
        from servicepunt.appointments import checks  # noqa: F401  (registers the deploy checks)
        from servicepunt.appointments.services.guards import question_without_planned_appointment
        from servicepunt.cases.services import question_resolution_guard_register

        question_resolution_guard_register(question_without_planned_appointment)
