"""Development preset: the default of the `servicepunt` command. SQLite under var/, debug on."""

from __future__ import annotations

from servicepunt.config.settings.base import *  # noqa: F403
from servicepunt.config.settings.base import SECRET_KEY, SERVICEPUNT_BSN_KEY, STORAGES, VAR_DIR
from servicepunt.config.settings.env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "development-only-insecure-key-do-not-use-in-production"
SERVICEPUNT_BSN_KEY = SERVICEPUNT_BSN_KEY or "development-only-bsn-key"
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
# Development: SMS is only logged (length and segments), and that may count as sent here.
SERVICEPUNT_SMS_BACKEND = env_str("SERVICEPUNT_SMS_BACKEND", "servicepunt.appointments.notify.sms.LoggingSmsBackend")
SERVICEPUNT_SMS_LOGGING_ALLOWED = env_bool("SERVICEPUNT_SMS_LOGGING_ALLOWED", True)
SERVICEPUNT_ALLOW_DEMO_DATA = env_bool("SERVICEPUNT_ALLOW_DEMO_DATA", True)
# The public demo accounts sign in without a second factor here (the demo password is public
# anyway); every other account with a role that sees personal data still needs one.
SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = env_bool("SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS", True)

# Development Janus secrets (`servicepunt janus` renders them into its configuration).
SERVICEPUNT_JANUS_API_SECRET = env_str("SERVICEPUNT_JANUS_API_SECRET", "development-janus-api-secret")
SERVICEPUNT_JANUS_ADMIN_SECRET = env_str("SERVICEPUNT_JANUS_ADMIN_SECRET", "development-janus-admin-secret")
SERVICEPUNT_JANUS_TOKEN_SECRET = env_str("SERVICEPUNT_JANUS_TOKEN_SECRET", "development-janus-token-secret")
