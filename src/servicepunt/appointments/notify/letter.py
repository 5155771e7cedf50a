"""The confirmation as a printable letter and as a PDF, in the resident's language (or the one
the employee picks): for residents without e-mail, or who prefer paper."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from servicepunt.appointments.models import Appointment, Arrangement
from servicepunt.appointments.notify.content import Notice, booked_parts, notice_for
from servicepunt.core.errors import InvalidInput
from servicepunt.core.pdf import pdf_from_html

LETTER_TEMPLATE = "appointments/letter_pdf.html"


def letter_notice(
    *, appointment: Appointment | None = None, arrangement: Arrangement | None = None, language: str | None = None
) -> Notice:
    """What the letter says; refused when nothing is booked (any more) or there is no resident."""
    notice = notice_for(booked_parts(appointment=appointment, arrangement=arrangement), language=language)
    if notice is None:
        raise InvalidInput(_("Er is geen geplande afspraak van een inwoner om te bevestigen."), field="appointment")
    return notice


def letter_context(notice: Notice) -> dict[str, Any]:
    with translation.override(notice.language):
        return {"notice": notice, "written_on": timezone.localdate()}


def letter_html(notice: Notice, *, template: str = LETTER_TEMPLATE, **extra: Any) -> str:
    with translation.override(notice.language):
        return render_to_string(template, {**letter_context(notice), **extra})


def letter_pdf(
    *, appointment: Appointment | None = None, arrangement: Arrangement | None = None, language: str | None = None
) -> bytes:
    """The confirmation letter as a PDF (starts with %PDF)."""
    notice = letter_notice(appointment=appointment, arrangement=arrangement, language=language)
    base_url = f"{str(settings.SERVICEPUNT_PUBLIC_URL).rstrip('/')}/"
    return pdf_from_html(letter_html(notice), base_url=base_url)
