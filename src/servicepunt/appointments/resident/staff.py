"""The confirmation letter for staff to print or send: a print page and a PDF, in the resident's
language or the one chosen with ?taal=. It shows personal data, so it needs the case-work
permission, only for residents the employee may see, and every view is written to the access
log."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.views.decorators.cache import never_cache

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.appointments.models import Appointment, Arrangement
from servicepunt.appointments.notify.content import Notice
from servicepunt.appointments.notify.letter import letter_context, letter_html, letter_notice
from servicepunt.audit.services import access_record
from servicepunt.cases.selectors import residents_visible
from servicepunt.catalogue.localization import written_languages
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.core.pdf import pdf_from_html

WORK = "cases.work_cases"
PURPOSE = "afspraakbevestiging"
LANGUAGE_PARAMETER = "taal"


def _subject(uuid: Any) -> dict[str, Any]:
    appointment = Appointment.objects.filter(uuid=uuid).select_related("arrangement").first()
    if appointment is not None:
        return {"appointment": appointment}
    arrangement = Arrangement.objects.filter(uuid=uuid).first()
    if arrangement is not None:
        return {"arrangement": arrangement}
    raise Http404


def _notice(request: AuthenticatedRequest, uuid: Any, screen: str) -> Notice:
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    try:
        notice = letter_notice(**_subject(uuid), language=asked if asked in written_languages() else None)
    except InvalidInput as error:
        raise Http404 from error
    if not residents_visible(request.user).filter(pk=notice.resident.pk).exists():
        raise Http404
    access_record(
        user=request.user, subject_type="resident", subject_id=str(notice.resident.uuid), screen=screen, purpose=PURPOSE
    )
    return notice


@never_cache
@permission_required(WORK)
def letter_page(request: AuthenticatedRequest, uuid: Any) -> HttpResponse:
    notice = _notice(request, uuid, "appointments.letter")
    pdf_url = reverse("resident_appointments:letter-pdf", args=[uuid])
    with translation.override(notice.language):
        context = {
            **letter_context(notice),
            "languages": [(code, get_language_info(code)["name_local"]) for code in written_languages()],
            "pdf_url": f"{pdf_url}?{LANGUAGE_PARAMETER}={notice.language}",
        }
        response = render(request, "appointments/letter.html", context)
    response["Content-Language"] = notice.language
    return response


@never_cache
@permission_required(WORK)
def letter_pdf(request: AuthenticatedRequest, uuid: Any) -> HttpResponse:
    notice = _notice(request, uuid, "appointments.letter_pdf")
    pdf = pdf_from_html(letter_html(notice), base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="afspraakbevestiging.pdf"'
    response["Content-Language"] = notice.language
    return response
