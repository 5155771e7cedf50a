"""Settings shared by every preset. Values that differ per deployment come from environment
variables documented in docs/configuration.md."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from servicepunt.config.settings.env import env_bool, env_list, env_str
from servicepunt.core.logging import configure_logging

PACKAGE_DIR = Path(__file__).resolve().parents[2]
REPO_DIR = PACKAGE_DIR.parents[1]
VAR_DIR = Path(env_str("SERVICEPUNT_VAR_DIR", str(REPO_DIR / "var")))
NODE_MODULES_DIR = Path(env_str("SERVICEPUNT_NODE_MODULES", str(REPO_DIR / "node_modules")))

SECRET_KEY = env_str("SECRET_KEY", "")
# Key material for encrypting BSNs at rest and for their search digest. Keep it apart from SECRET_KEY.
SERVICEPUNT_BSN_KEY = env_str("SERVICEPUNT_BSN_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "servicepunt.core",
    "servicepunt.accounts",
    "servicepunt.catalogue",
    "servicepunt.triage",
    "servicepunt.infoflits",
    "servicepunt.audit",
    "servicepunt.cases",
    "servicepunt.handovers",
    "servicepunt.appointments",
    "servicepunt.videocalls",
    "servicepunt.counter",
    "servicepunt.reporting",
    "servicepunt.summary",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Early, so that whatever answers an /api/ request below it (also Django's 404 and 500) is problem+json.
    "servicepunt.core.api.ApiProblemMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "servicepunt.config.urls"
WSGI_APPLICATION = "servicepunt.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "servicepunt.config.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'servicepunt.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login rate limiting (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env_str("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
SERVICEPUNT_TRIAGE_CACHE_DIR = VAR_DIR / "cache"  # built triage indexes, named by their fingerprint
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("nlds/utrecht", NODE_MODULES_DIR / "@utrecht" / "component-library-css" / "dist"),
    ("nlds/voorbeeld", NODE_MODULES_DIR / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist"),
    # The Janus browser client and the WebRTC shim it expects (npm, served locally).
    ("vendor/janus-gateway", NODE_MODULES_DIR / "janus-gateway" / "npm" / "dist"),
    ("vendor/webrtc-adapter", NODE_MODULES_DIR / "webrtc-adapter" / "out"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# The design-token theme a municipality plugs in (its CSS file and the class it scopes to).
THEME_STYLESHEET = env_str("SERVICEPUNT_THEME_STYLESHEET", "nlds/voorbeeld/theme.css")
THEME_CLASS = env_str("SERVICEPUNT_THEME_CLASS", "voorbeeld-theme")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(env_str("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not from the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "servicepunt.core.api_schema.ProblemAutoSchema",
    "EXCEPTION_HANDLER": "servicepunt.core.api.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON only: one input format to check (core.api_input), and a clear 415 for anything else.
    "DEFAULT_PARSER_CLASSES": ["servicepunt.core.api_input.CheckedJSONParser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Servicepunt API",
    "DESCRIPTION": "Catalogue (sociale kaart), triage and infoflits suggestions of the Servicepunt. "
    "Errors are application/problem+json (RFC 9457) with invalid_params naming the fields.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Appointments: the video provider (a self-hosted Jitsi-compatible server by default; the room
# name is unguessable), the public address residents' links point to, how long those links hold,
# where e-mail comes from and which channel sends SMS reminders.
SERVICEPUNT_VIDEO_BASE_URL = env_str("SERVICEPUNT_VIDEO_BASE_URL", "https://meet.example.org")
SERVICEPUNT_PUBLIC_URL = env_str("SERVICEPUNT_PUBLIC_URL", "http://127.0.0.1:8000")
SERVICEPUNT_RESIDENT_LINK_DAYS = int(env_str("SERVICEPUNT_RESIDENT_LINK_DAYS", "60"))
# No SMS provider unless one is named: a reminder by SMS is then recorded as failed
# ("no-sms-provider"), never as sent. The logging backend only logs and is for development.
SERVICEPUNT_SMS_BACKEND = env_str("SERVICEPUNT_SMS_BACKEND", "")
# Which permissions each role holds: the product's policy, at the top floor (config/roles.py).
SERVICEPUNT_ROLE_PERMISSIONS = "servicepunt.config.roles.ROLE_PERMISSIONS"
SERVICEPUNT_SMS_LOGGING_ALLOWED = env_bool("SERVICEPUNT_SMS_LOGGING_ALLOWED", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Servicepunt <servicepunt@example.org>")
# A mail server that does not answer must not hold a worker (and the message's row lock) forever.
EMAIL_TIMEOUT = int(env_str("EMAIL_TIMEOUT", "30"))

# The job queue (Django's Tasks framework, database backend): messages to residents are tasks,
# written in the same transaction as the change that causes them and run by `servicepunt
# db_worker` (docs/operations.md). A failed try is retried after BASE * 2**(tries - 1) seconds,
# at most MAX_ATTEMPTS tries in all (60 s, 2, 4, 8 minutes: a mail server restart is covered,
# and the employee sees "mislukt" within a quarter of an hour).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SERVICEPUNT_NOTIFY_MAX_ATTEMPTS = int(env_str("SERVICEPUNT_NOTIFY_MAX_ATTEMPTS", "5"))
SERVICEPUNT_NOTIFY_RETRY_BASE_SECONDS = int(env_str("SERVICEPUNT_NOTIFY_RETRY_BASE_SECONDS", "60"))
# A queued message whose try has been due this long lost its task (a killed worker): the sweep
# (`servicepunt notifications-requeue`) tries it again. Longer than any try with EMAIL_TIMEOUT.
SERVICEPUNT_NOTIFY_STALE_MINUTES = int(env_str("SERVICEPUNT_NOTIFY_STALE_MINUTES", "15"))

# Video calls from the wijkbureaus (videocalls/): the media server behind a provider interface,
# by default the project's Janus (`servicepunt janus`, started by `make run`) on loopback. The
# server side uses the API secret and the VideoRoom admin key; browsers get a signed token made
# with the token secret. PUBLIC_URL is the Janus address browsers reach (a reverse proxy with TLS
# in production; docs/operations.md). `servicepunt janus` refuses to start with an empty secret.
SERVICEPUNT_VIDEO_PROVIDER = env_str("SERVICEPUNT_VIDEO_PROVIDER", "servicepunt.videocalls.media.janus.JanusProvider")
SERVICEPUNT_JANUS_URL = env_str("SERVICEPUNT_JANUS_URL", "http://127.0.0.1:8089/janus")
SERVICEPUNT_JANUS_ADMIN_PORT = int(env_str("SERVICEPUNT_JANUS_ADMIN_PORT", "7089"))
SERVICEPUNT_JANUS_PUBLIC_URL = env_str("SERVICEPUNT_JANUS_PUBLIC_URL", "")
SERVICEPUNT_JANUS_API_SECRET = env_str("SERVICEPUNT_JANUS_API_SECRET", "")
SERVICEPUNT_JANUS_ADMIN_SECRET = env_str("SERVICEPUNT_JANUS_ADMIN_SECRET", "")
SERVICEPUNT_JANUS_TOKEN_SECRET = env_str("SERVICEPUNT_JANUS_TOKEN_SECRET", "")
SERVICEPUNT_JANUS_RTP_PORTS = env_str("SERVICEPUNT_JANUS_RTP_PORTS", "20000-40000")

# Demo accounts and synthetic residents may only be created where this is switched on.
SERVICEPUNT_ALLOW_DEMO_DATA = env_bool("SERVICEPUNT_ALLOW_DEMO_DATA", False)

configure_logging(env_str("LOG_LEVEL", "INFO"))
