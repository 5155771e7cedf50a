from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SummaryConfig(AppConfig):
    """Wat hebben we afgesproken? The read model of what was arranged on a case, for the
    resident: sections per question, next steps with their places, as a page and a PDF. It reads
    the contexts below it through their selectors and writes nothing."""

    name = "servicepunt.summary"
    verbose_name = _("Wat hebben we afgesproken?")
