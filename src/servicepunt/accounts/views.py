from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views

from servicepunt.accounts.forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.SERVICEPUNT_OIDC_ENABLED
        context["oidc_failed"] = self.request.GET.get("sso") == "mislukt"
        return context


class LogoutView(auth_views.LogoutView):
    pass
