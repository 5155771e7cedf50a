from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The employee's daily workspace: pages that compose residents, cases, handovers and
    appointments. Domain logic stays in those contexts; this app only composes their fronts."""

    name = "servicepunt.workspace"
    verbose_name = _("Werkplek")
