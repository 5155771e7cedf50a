"""Settings shared by every preset. Values that differ per deployment come from environment
variables documented in docs/configuration.md."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
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
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    "servicepunt.demo",
    "servicepunt.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, so static files keep their long cache; every other answer is no-store.
    "servicepunt.core.middleware.NoStoreMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Early, so that whatever answers an /api/ request below it (also Django's 404 and 500) is problem+json.
    "servicepunt.core.api.ApiProblemMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the user and messages: an idle session ends with a message on the login page.
    "servicepunt.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "servicepunt.accounts.middleware.SecondFactorMiddleware",
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
# Single sign-on with the municipality's identity provider (OpenID Connect), off by default.
# The groups claim maps to our roles: SERVICEPUNT_OIDC_ROLE_MAPPING is a JSON object
# {"<group>": "<role>"} or {"<group>": "partner-medewerker:<organisation code>"} (docs/configuration.md).
SERVICEPUNT_OIDC_ENABLED = env_bool("SERVICEPUNT_OIDC_ENABLED", False)
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
# Logging out ends the session at the provider too (RP-initiated logout): without it the next
# person at a shared desk clicks "Inloggen met uw account van de gemeente" and is this employee.
# The provider's end_session_endpoint; the ID token is kept in the session as its hint.
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "/accounts/inloggen/?sso=mislukt"
SERVICEPUNT_OIDC_USERNAME_CLAIM = env_str("SERVICEPUNT_OIDC_USERNAME_CLAIM", "preferred_username")
SERVICEPUNT_OIDC_GROUPS_CLAIM = env_str("SERVICEPUNT_OIDC_GROUPS_CLAIM", "groups")
SERVICEPUNT_OIDC_ROLE_MAPPING: dict[str, str] = json.loads(env_str("SERVICEPUNT_OIDC_ROLE_MAPPING", "{}"))
if SERVICEPUNT_OIDC_ENABLED:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "servicepunt.accounts.oidc.RoleMappingOIDCBackend"]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login rate limiting (django-axes). Two counts, each within the cool-off, and either locks:
# failures on one account from whatever addresses (guessing one password from many machines)
# and failures from one address across accounts (spraying passwords over many accounts). The
# address limit is higher, since a municipality's staff often share one outgoing address
# (accounts.lockout). A service desk can unlock at once (`servicepunt axes_reset_username`).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # in this order: accounts.lockout reads it so
AXES_FAILURE_LIMIT = "servicepunt.accounts.lockout.failure_limit"
SERVICEPUNT_LOGIN_ACCOUNT_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
SERVICEPUNT_LOGIN_ADDRESS_FAILURE_LIMIT = int(env_str("SERVICEPUNT_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = float(env_str("AXES_COOLOFF_HOURS", "0.25"))
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
# The absolute age of a session: after a working day one signs in again, however active.
SESSION_COOKIE_AGE = int(env_str("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
# The idle timeout: a session without a request (htmx requests count) for this long ends, and
# the next request goes to the login page with a message (accounts.middleware).
SERVICEPUNT_IDLE_TIMEOUT_MINUTES = int(env_str("SERVICEPUNT_IDLE_TIMEOUT_MINUTES", "30"))

# Two-factor authentication (django-otp: an authenticator app (TOTP) and one-time recovery
# codes). Required for the roles that see personal data (config/roles.py, SECOND_FACTOR_ROLES)
# and for superusers. Production always requires it; SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS lets
# the public demo accounts in without it where demo data is allowed (local development only).
SERVICEPUNT_2FA_REQUIRED = env_bool("SERVICEPUNT_2FA_REQUIRED", True)
SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = False
SERVICEPUNT_SECOND_FACTOR_ROLES = "servicepunt.config.roles.SECOND_FACTOR_ROLES"
# The public demo logins (exempt from the second factor only where demo data is allowed).
SERVICEPUNT_DEMO_USERNAMES = "servicepunt.demo.accounts.DEMO_USERNAMES"
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Servicepunt")
OTP_STATIC_THROTTLE_FACTOR = 1
OTP_TOTP_THROTTLE_FACTOR = 1

# Content-Security-Policy (django-csp): only our own scripts, styles and images; no inline
# script or style anywhere (htmx's indicator style is in app.css, see base.html's htmx-config);
# the pages may not be framed, and forms post only to us. With single sign-on and its logout
# endpoint, the logout form's redirect goes to the provider, so its origin joins form-action.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
if SERVICEPUNT_OIDC_ENABLED and OIDC_OP_LOGOUT_ENDPOINT:
    _provider = urlsplit(OIDC_OP_LOGOUT_ENDPOINT)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = [SELF, f"{_provider.scheme}://{_provider.netloc}"]
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

# Every log line goes through one handler whose filter takes query strings and resident link keys
# out (core.logging.RedactAddresses). Django's own loggers (request warnings, runserver's request
# lines) are pointed at it too: their defaults would print full addresses, and mail_admins would
# send the request (with its data) by e-mail.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "servicepunt.core.logging.RedactAddresses"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # No handlers of their own (Django's defaults are dropped): their lines go to the root's.
        "django": {"handlers": [], "level": env_str("LOG_LEVEL", "INFO"), "propagate": True},
        "django.server": {"handlers": [], "level": env_str("LOG_LEVEL", "INFO"), "propagate": True},
    },
}

# Appointments: the video provider (a self-hosted Jitsi-compatible server by default; the room
# name is unguessable), the public address residents' links point to, how long those links hold,
# where e-mail comes from and which channel sends SMS reminders.
SERVICEPUNT_VIDEO_BASE_URL = env_str("SERVICEPUNT_VIDEO_BASE_URL", "https://meet.example.org")
SERVICEPUNT_PUBLIC_URL = env_str("SERVICEPUNT_PUBLIC_URL", "http://127.0.0.1:8000")
SERVICEPUNT_RESIDENT_LINK_DAYS = int(env_str("SERVICEPUNT_RESIDENT_LINK_DAYS", "60"))
# How long a resident's consent to share data with an organisation holds unless the employee
# sets another end date on the handover form (handovers.categories.default_valid_until).
SERVICEPUNT_CONSENT_VALID_DAYS = int(env_str("SERVICEPUNT_CONSENT_VALID_DAYS", "365"))
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
SERVICEPUNT_MEDIA_PROVIDER = env_str("SERVICEPUNT_MEDIA_PROVIDER", "servicepunt.videocalls.media.janus.JanusProvider")
SERVICEPUNT_JANUS_URL = env_str("SERVICEPUNT_JANUS_URL", "http://127.0.0.1:8089/janus")
SERVICEPUNT_JANUS_ADMIN_PORT = int(env_str("SERVICEPUNT_JANUS_ADMIN_PORT", "7089"))
SERVICEPUNT_JANUS_PUBLIC_URL = env_str("SERVICEPUNT_JANUS_PUBLIC_URL", "")
SERVICEPUNT_JANUS_API_SECRET = env_str("SERVICEPUNT_JANUS_API_SECRET", "")
SERVICEPUNT_JANUS_ADMIN_SECRET = env_str("SERVICEPUNT_JANUS_ADMIN_SECRET", "")
SERVICEPUNT_JANUS_TOKEN_SECRET = env_str("SERVICEPUNT_JANUS_TOKEN_SECRET", "")
SERVICEPUNT_JANUS_RTP_PORTS = env_str("SERVICEPUNT_JANUS_RTP_PORTS", "20000-40000")
# Recording is off. Switched on, every new call's room records into this folder (Janus writes it)
# and every page of the call says so; the municipality needs a legal ground and a retention
# period for the recordings first (docs/operations.md).
SERVICEPUNT_VIDEO_RECORDING = env_bool("SERVICEPUNT_VIDEO_RECORDING", False)
SERVICEPUNT_VIDEO_RECORDING_DIR = env_str("SERVICEPUNT_VIDEO_RECORDING_DIR", "/var/lib/servicepunt/opnames")
# STUN and TURN for browsers behind NAT or strict firewalls (docs/operations.md): comma-separated
# URLs, e.g. "stun:turn.gemeente.example:3478" and "turns:turn.gemeente.example:443?transport=tcp";
# the TURN secret is coturn's static-auth-secret. Empty: the browser uses no server but ours.
SERVICEPUNT_STUN_URLS = env_list("SERVICEPUNT_STUN_URLS", [])
SERVICEPUNT_TURN_URLS = env_list("SERVICEPUNT_TURN_URLS", [])
SERVICEPUNT_TURN_SECRET = env_str("SERVICEPUNT_TURN_SECRET", "")
SERVICEPUNT_TURN_TTL_SECONDS = int(env_str("SERVICEPUNT_TURN_TTL_SECONDS", "3600"))

# Demo accounts and synthetic residents may only be created where this is switched on.
SERVICEPUNT_ALLOW_DEMO_DATA = env_bool("SERVICEPUNT_ALLOW_DEMO_DATA", False)

configure_logging(env_str("LOG_LEVEL", "INFO"))
