"""Deploy checks (`servicepunt check --deploy`): production must not pretend to send. A logging
SMS backend or an e-mail backend that keeps mail on this machine (console, file, memory, dummy)
would record messages to residents as sent while nobody receives them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.utils.module_loading import import_string

from servicepunt.appointments.notify.sms import sms_backend_path

NOTIFY_TAG = "notifications"
LOCAL_EMAIL_BACKENDS = frozenset(
    {
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
    }
)


def _sms_messages() -> list[CheckMessage]:
    path = sms_backend_path()
    if not path:
        return [
            Warning(
                "No SMS provider is configured (SERVICEPUNT_SMS_BACKEND is empty).",
                hint="Residents who chose SMS get no reminders; their messages are recorded as failed "
                "(no-sms-provider). Name a provider class that implements "
                "servicepunt.appointments.notify.sms.SmsBackend.",
                id="servicepunt.W002",
            )
        ]
    try:
        backend_class = import_string(path)
    except ImportError:
        return [Error(f"SERVICEPUNT_SMS_BACKEND {path!r} cannot be imported.", id="servicepunt.E003")]
    if not getattr(backend_class, "delivers", True):
        return [
            Error(
                "SERVICEPUNT_SMS_BACKEND is a logging backend that sends nothing.",
                hint="It is for development only. Configure a real SMS provider, or leave the setting empty "
                "so SMS messages are recorded as failed instead of sent.",
                id="servicepunt.E001",
            )
        ]
    return []


@register(Tags.security, NOTIFY_TAG, deploy=True)
def notification_backends_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages = _sms_messages()
    if str(settings.EMAIL_BACKEND) in LOCAL_EMAIL_BACKENDS:
        messages.append(
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND!r}: e-mail to residents would never leave this machine.",
                hint="Use django.core.mail.backends.smtp.EmailBackend (EMAIL_HOST, EMAIL_PORT, ...) in production.",
                id="servicepunt.E002",
            )
        )
    return messages
