from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from servicepunt.accounts.forms import LoginForm
from servicepunt.accounts.oidc import provider_logout_url


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
    """Log out; after a single sign-on session also at the identity provider, so the session
    there does not outlive ours at a shared desk."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = str(request.session.get("oidc_id_token", ""))  # gone once the session is flushed
        response = super().post(request, *args, **kwargs)
        at_provider = provider_logout_url(request, id_token)
        return HttpResponseRedirect(at_provider) if at_provider else response
