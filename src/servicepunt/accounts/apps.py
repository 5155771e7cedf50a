from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "servicepunt.accounts"
    label = "accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from servicepunt.accounts import checks  # noqa: F401  (registers the deploy checks)
        from servicepunt.accounts.security_log import connect_signals

        connect_signals()
