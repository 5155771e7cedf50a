"""Test preset: fast password hashing, in-memory mail, no manifest needed for static files.
Tasks use the real database backend; tests run them with the `run_tasks` fixture, so what a
test sees never depends on a worker's timing."""

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
# An SMS provider that keeps what it "sends" for the test that asks (tests/sms.py), not the
# logging backend of development.
SERVICEPUNT_SMS_BACKEND = "servicepunt.appointments.tests.sms.RecordingSmsBackend"
SERVICEPUNT_SMS_LOGGING_ALLOWED = False
# The tests go through the second factor as production does (core.testing.otp).
SERVICEPUNT_2FA_REQUIRED = True
SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS = False

# Pages that need no media use a provider in memory; the video tests start a real Janus
# (videocalls/tests/conftest.py) and switch to it.
SERVICEPUNT_MEDIA_PROVIDER = "servicepunt.videocalls.media.memory.MemoryProvider"
