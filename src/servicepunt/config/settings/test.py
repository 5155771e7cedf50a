"""Test preset: fast password hashing, in-memory mail, no manifest needed for static files."""

from __future__ import annotations

from servicepunt.config.settings.local import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# WhiteNoise scans the static files once per process, not once per test client (core.testing.static).
SCANNED_ONCE = "servicepunt.core.testing.static.ScannedOnceWhiteNoiseMiddleware"
MIDDLEWARE = [SCANNED_ONCE if entry.endswith("WhiteNoiseMiddleware") else entry for entry in MIDDLEWARE]  # noqa: F405
