"""Security-relevant settings of the presets."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from servicepunt.config.settings import base


def test_passwords_are_hashed_with_argon2_and_logins_are_rate_limited() -> None:
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "axes.middleware.AxesMiddleware" in base.MIDDLEWARE
    assert base.SERVICEPUNT_LOGIN_ACCOUNT_FAILURE_LIMIT > 0 and base.SERVICEPUNT_LOGIN_ADDRESS_FAILURE_LIMIT > 0


# A provider that delivers (the test preset's), standing in for a municipality's real one.
REAL_SMS_PROVIDER = "servicepunt.appointments.tests.sms.RecordingSmsBackend"
PRODUCTION_SECRET = "x" * 20 + "-a-long-random-production-secret-key-0123456789"
JANUS_SECRETS = {
    "SERVICEPUNT_JANUS_API_SECRET": "janus-api-secret-for-the-deploy-test-0123",
    "SERVICEPUNT_JANUS_ADMIN_SECRET": "janus-admin-secret-for-the-deploy-test-012",
    "SERVICEPUNT_JANUS_TOKEN_SECRET": "janus-token-secret-for-the-deploy-test-012",
}


def _deploy_check(secret_key: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "servicepunt.config.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "servicepunt.example.org",
        "SERVICEPUNT_BSN_KEY": "another-random-key-for-bsn-encryption-0123456789",
        "SERVICEPUNT_SMS_BACKEND": REAL_SMS_PROVIDER,
        **JANUS_SECRETS,
        **settings,
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
    done = _deploy_check(PRODUCTION_SECRET)
    assert done.returncode == 0, done.stdout + done.stderr


def test_deploy_check_refuses_the_logging_sms_backend_and_mail_that_stays_local() -> None:
    done = _deploy_check(
        PRODUCTION_SECRET,
        SERVICEPUNT_SMS_BACKEND="servicepunt.appointments.notify.sms.LoggingSmsBackend",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    )
    assert done.returncode != 0
    assert "servicepunt.E001" in done.stderr and "logging backend that sends nothing" in done.stderr
    assert "servicepunt.E002" in done.stderr and "console.EmailBackend" in done.stderr


def test_deploy_check_warns_without_an_sms_provider(settings: Any) -> None:
    from servicepunt.appointments.checks import notification_backends_check

    settings.SERVICEPUNT_SMS_BACKEND = ""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert [message.id for message in notification_backends_check()] == ["servicepunt.W002"]
    settings.SERVICEPUNT_SMS_BACKEND = REAL_SMS_PROVIDER
    assert notification_backends_check() == []


def test_production_always_requires_the_second_factor_whatever_the_environment_says() -> None:
    done = _deploy_check(
        PRODUCTION_SECRET, SERVICEPUNT_2FA_REQUIRED="false", SERVICEPUNT_2FA_EXEMPT_DEMO_ACCOUNTS="true"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "servicepunt.E010" not in done.stderr


def test_deploy_check_refuses_single_sign_on_without_its_settings() -> None:
    done = _deploy_check(
        PRODUCTION_SECRET,
        SERVICEPUNT_OIDC_ENABLED="true",
        SERVICEPUNT_OIDC_ROLE_MAPPING='{"sg-servicepunt": "servicepunt-medewerker"}',
    )
    assert done.returncode != 0
    assert "servicepunt.E012" in done.stderr and "OIDC_RP_CLIENT_ID" in done.stderr
    assert "servicepunt.E013" not in done.stderr


def test_the_settings_presets_keep_the_csp_strict_and_the_session_rules() -> None:
    directives = base.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert all("'unsafe-inline'" not in sources for sources in directives.values())
    assert base.SERVICEPUNT_IDLE_TIMEOUT_MINUTES == 30 and base.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert base.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_deploy_check_refuses_empty_short_or_development_janus_secrets() -> None:
    done = _deploy_check(
        PRODUCTION_SECRET,
        SERVICEPUNT_JANUS_API_SECRET="",
        SERVICEPUNT_JANUS_ADMIN_SECRET="short",
        SERVICEPUNT_JANUS_TOKEN_SECRET="development-janus-token-secret",
    )
    output = done.stdout + done.stderr
    assert done.returncode != 0 and output.count("servicepunt.E020") == 3, output
    for name in ("SERVICEPUNT_JANUS_API_SECRET", "SERVICEPUNT_JANUS_ADMIN_SECRET", "SERVICEPUNT_JANUS_TOKEN_SECRET"):
        assert name in output
