from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for development, demos and benchmarks: accounts, agendas, synthetic residents
    with their cases and handovers. On the top floor, because it composes every context below."""

    name = "servicepunt.demo"
    verbose_name = _("Demodata")
