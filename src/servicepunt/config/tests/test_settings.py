"""Security-relevant settings of the presets."""

from __future__ import annotations

import os
import subprocess
import sys

from servicepunt.config.settings import base


def test_passwords_are_hashed_with_argon2_and_logins_are_rate_limited() -> None:
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "axes.middleware.AxesMiddleware" in base.MIDDLEWARE
    assert base.AXES_FAILURE_LIMIT > 0


def _deploy_check(secret_key: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "servicepunt.config.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "servicepunt.example.org",
        "SERVICEPUNT_BSN_KEY": "another-random-key-for-bsn-encryption-0123456789",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' fixture, never in deployment
    return subprocess.run(
        [sys.executable, "-m", "servicepunt", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_production_settings_pass_the_deploy_check() -> None:
    done = _deploy_check("x" * 20 + "-a-long-random-production-secret-key-0123456789")
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_refuses_to_start_without_a_real_secret_key() -> None:
    done = _deploy_check("")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr
