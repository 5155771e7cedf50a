"""The e-mail and SMS texts of confirmations, reminders and cancellations, rendered from templates
in the notice's language. A confirmation carries the calendar file; a cancellation says why."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from servicepunt.appointments.notify.content import Notice
from servicepunt.appointments.notify.ics import calendar_bytes

CALENDAR_FILENAME = "afspraak.ics"
CALENDAR_MIMETYPE = "text/calendar"


def _render(name: str, notice: Notice, **extra: Any) -> str:
    with translation.override(notice.language):
        return render_to_string(f"appointments/{name}", {"notice": notice, **extra})


def _email(kind: str, notice: Notice, to: str, **extra: Any) -> EmailMultiAlternatives:
    subject = " ".join(_render(f"email/{kind}_subject.txt", notice, **extra).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=_render(f"email/{kind}.txt", notice, **extra),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": notice.language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(_render(f"email/{kind}.html", notice, **extra), "text/html")
    return message


def confirmation_email(notice: Notice, *, to: str) -> EmailMultiAlternatives:
    """The confirmation: every part of the notice, and one .ics with one event per part."""
    message = _email("confirmation", notice, to)
    message.attach(CALENDAR_FILENAME, calendar_bytes(notice), CALENDAR_MIMETYPE)
    return message


def reminder_email(notice: Notice, *, to: str) -> EmailMultiAlternatives:
    return _email("reminder", notice, to)


def reminder_sms(notice: Notice) -> str:
    return " ".join(_render("sms/reminder.txt", notice).split())


def cancellation_email(notice: Notice, *, to: str, reason: str) -> EmailMultiAlternatives:
    """The appointments of the notice are cancelled by the Servicepunt, with the reason given."""
    return _email("cancellation", notice, to, reason=reason)


def cancellation_sms(notice: Notice, *, reason: str) -> str:
    return " ".join(_render("sms/cancellation.txt", notice, reason=reason).split())
