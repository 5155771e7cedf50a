from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "servicepunt.catalogue"
    label = "catalogue"
    verbose_name = _("Catalogus (sociale kaart)")

    def ready(self) -> None:
        from servicepunt.catalogue import signals  # noqa: F401
