"""Wat hebben we afgesproken? The resident's summary of a case as a print-friendly page and as a
PDF, in the resident's language (or the one the employee picks with ?taal=). Personal data: the
view is logged and never cached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.views.decorators.cache import never_cache

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.cases import selectors
from servicepunt.catalogue.localization import resident_language, written_languages
from servicepunt.core.access import permission_required
from servicepunt.core.pdf import pdf_from_html
from servicepunt.summary.selectors import case_summary, provided_steps

if TYPE_CHECKING:
    from servicepunt.cases.models import Case

WORK = "cases.work_cases"
LANGUAGE_PARAMETER = "taal"


def _language(request: AuthenticatedRequest, case: Case) -> str:
    asked = request.GET.get(LANGUAGE_PARAMETER, "")
    return asked if asked in written_languages() else resident_language(case.resident.preferred_language)


def _context(case: Case, language: str) -> dict[str, Any]:
    today = timezone.localdate()
    summary = case_summary(case, language, today=today, extra_steps=provided_steps(case, language, today))
    return {
        "case": case,
        "summary": summary,
        "languages": [(code, get_language_info(code)["name_local"]) for code in written_languages()],
        "pdf_url": f"{reverse('summary:pdf', args=[case.uuid])}?{LANGUAGE_PARAMETER}={language}",
    }


@never_cache
@permission_required(WORK)
def summary_page(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.case_summary")
    language = _language(request, case)
    with translation.override(language):
        response = render(request, "summary/page.html", _context(case, language))
    response["Content-Language"] = language
    return response


@never_cache
@permission_required(WORK)
def summary_pdf(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.case_summary_pdf")
    language = _language(request, case)
    with translation.override(language):
        context = _context(case, language)
        html = render_to_string("summary/pdf.html", context)
    pdf = pdf_from_html(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="afspraken-{context["summary"]["made_on"]:%Y-%m-%d}.pdf"'
    response["Content-Language"] = language
    return response
