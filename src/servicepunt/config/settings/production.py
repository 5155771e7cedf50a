"""Production preset. Refuses to start without a real SECRET_KEY; secure cookies and HSTS."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from servicepunt.config.settings.base import *  # noqa: F403
from servicepunt.config.settings.base import SECRET_KEY, SERVICEPUNT_BSN_KEY
from servicepunt.config.settings.env import env_bool, env_str

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
if len(SERVICEPUNT_BSN_KEY) < 32 or SERVICEPUNT_BSN_KEY == SECRET_KEY:
    raise ImproperlyConfigured("SERVICEPUNT_BSN_KEY must be set to its own random value of at least 32 characters.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A logging SMS backend never counts as sent here, whatever the environment says; the deploy
# check (servicepunt check --deploy) names it as an error.
SERVICEPUNT_SMS_LOGGING_ALLOWED = False
# The second factor is never off in production, and no demo account is let in without it.
SERVICEPUNT_2FA_REQUIRED = True
SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = False
