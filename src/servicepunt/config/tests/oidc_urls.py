"""The URL configuration with single sign-on switched on (config.urls adds it only then)."""

from django.urls import include, path

from servicepunt.config.urls import urlpatterns as base_patterns

urlpatterns = [*base_patterns, path("oidc/", include("mozilla_django_oidc.urls"))]
