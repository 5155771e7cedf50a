from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounterConfig(AppConfig):
    """The employee's counter: pages that compose residents, cases, handovers and
    appointments. Domain logic stays in those contexts; this app only composes their fronts."""

    name = "servicepunt.counter"
    verbose_name = _("Balie")
