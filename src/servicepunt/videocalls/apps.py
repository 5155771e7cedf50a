from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideocallsConfig(AppConfig):
    name = "servicepunt.videocalls"
    label = "videocalls"
    verbose_name = _("Videobellen")

    def ready(self) -> None:
        from servicepunt.videocalls import checks  # noqa: F401  (registers the deploy checks)
