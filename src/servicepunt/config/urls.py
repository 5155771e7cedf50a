from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView

from servicepunt.config import views

api_v1: list[URLPattern | URLResolver] = [
    path("", include("servicepunt.catalogue.api.urls")),
    path("", include("servicepunt.triage.api.urls")),
    path("", include("servicepunt.infoflits.api.urls")),
    path("", include("servicepunt.cases.api.urls")),
    path("", include("servicepunt.handovers.api.urls")),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("servicepunt.core.urls")),
    path("accounts/", include("servicepunt.accounts.urls")),
    path("catalogus/", include("servicepunt.catalogue.urls")),
    path("triage/", include("servicepunt.triage.urls")),
    path("infoflits/", include("servicepunt.infoflits.urls")),
    path("api/v1/", include((api_v1, "api"), namespace="api")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("afspraak/", include("servicepunt.appointments.resident.urls")),
    path("", include("servicepunt.summary.urls")),  # before counter: its <slug:action>/ would match
    path("", include("servicepunt.counter.urls")),
    path("overdrachten/", include("servicepunt.handovers.urls")),
    path("video/", include("servicepunt.videocalls.urls")),
    path("cijfers/", include("servicepunt.reporting.urls")),
    path("privacy/toegangslog/", include("servicepunt.audit.urls")),
    path("privacy/", include("servicepunt.privacy.urls")),
    path("beheer/", admin.site.urls),
]

if settings.SERVICEPUNT_OIDC_ENABLED:  # single sign-on (accounts.oidc), only where a municipality switches it on
    urlpatterns += [path("oidc/", include("mozilla_django_oidc.urls"))]
