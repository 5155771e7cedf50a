"""The privacy officer's pages: the access log by resident (also as CSV and JSON), the resident's
art. 15 export, erasure where the law allows, and the retention dry run. Thin: the services and
selectors decide; no personal data in a URL (searches are POSTed)."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from servicepunt.audit.services import access_record, access_record_many
from servicepunt.cases.selectors import resident_by_uuid, residents_matching
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.privacy.export import OFFICER_PERMISSION, export_json, export_pdf, resident_export
from servicepunt.privacy.forms import EraseForm, ResidentSearchForm
from servicepunt.privacy.services import (
    resident_access_log,
    resident_erase_where_allowed,
    resident_erasure_verdict,
    retention_run,
)
from servicepunt.privacy.tasks import retention_apply

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

LOG_LIMIT = 500
LOG_FIELDS = ("at", "by", "what", "screen", "purpose")


def _officer(request: HttpRequest) -> User:
    """The signed-in privacy officer (permission_required let only such a user in)."""
    return cast("User", request.user)


def _resident(uuid: Any) -> Any:
    try:
        return resident_by_uuid(uuid)
    except InvalidInput as error:
        raise Http404 from error


@permission_required(OFFICER_PERMISSION)
def residents(request: HttpRequest) -> HttpResponse:
    form = ResidentSearchForm(request.POST if request.method == "POST" else None)
    found = None
    if form.is_valid():
        try:
            found = residents_matching(name=form.cleaned_data["name"], bsn=form.cleaned_data["bsn"])
        except InvalidInput as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            access_record_many(
                user=_officer(request),
                subject_type="resident",
                subject_ids=[str(r.uuid) for r in found],
                screen="privacy.residents",
                purpose="privacy officer: toegangslog zoeken",
            )
    return render(request, "privacy/residents.html", {"form": form, "found": found})


@permission_required(OFFICER_PERMISSION)
def resident(request: HttpRequest, uuid: Any) -> HttpResponse:
    person = _resident(uuid)
    entries = list(resident_access_log(user=_officer(request), resident=person)[:LOG_LIMIT])
    access_record(
        user=_officer(request),
        subject_type="resident.privacy",
        subject_id=str(person.uuid),
        screen="privacy.resident",
        purpose="privacy officer: toegangslog van de inwoner",
    )
    form = EraseForm(request.POST) if request.method == "POST" else EraseForm()
    context = {"person": person, "entries": entries, "verdict": resident_erasure_verdict(person), "form": form}
    return render(request, "privacy/resident.html", context)


def _rows(request: HttpRequest, person: Any) -> list[dict[str, str]]:
    return [
        {
            "at": entry.at.isoformat(),
            "by": entry.user.username,
            "what": entry.subject_type,
            "screen": entry.screen,
            "purpose": entry.purpose,
        }
        for entry in resident_access_log(user=_officer(request), resident=person)
    ]


@permission_required(OFFICER_PERMISSION)
def resident_log(request: HttpRequest, uuid: Any, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404
    person = _resident(uuid)
    rows = _rows(request, person)
    access_record(
        user=_officer(request),
        subject_type="resident.privacy",
        subject_id=str(person.uuid),
        screen=f"privacy.resident_log.{fmt}",
        purpose="privacy officer: toegangslog exporteren",
    )
    if fmt == "json":
        response = HttpResponse(json.dumps(rows, ensure_ascii=False), content_type="application/json")
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=LOG_FIELDS)
        writer.writeheader()
        # A cell that starts like a formula is read as text by a spreadsheet, never run.
        writer.writerows({k: ("'" + v if v[:1] in "=+-@\t\r" else v) for k, v in row.items()} for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-{person.uuid}.{fmt}"'
    return response


@permission_required(OFFICER_PERMISSION)
def resident_export_view(request: HttpRequest, uuid: Any, fmt: str) -> HttpResponse:
    if fmt not in ("json", "pdf"):
        raise Http404
    person = _resident(uuid)
    data = resident_export(user=_officer(request), resident=person.uuid, channel=f"privacy.export.{fmt}")
    if fmt == "pdf":
        response = HttpResponse(export_pdf(data), content_type="application/pdf")
    else:
        response = HttpResponse(export_json(data), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="inzage-{person.uuid}.{fmt}"'
    return response


@permission_required(OFFICER_PERMISSION)
def resident_erase(request: HttpRequest, uuid: Any) -> HttpResponse:
    if request.method != "POST":
        return redirect("privacy:resident", uuid=uuid)
    person = _resident(uuid)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return resident(request, uuid)
    try:
        action = resident_erase_where_allowed(user=_officer(request), resident=person, screen="privacy.erase")
    except InvalidInput as error:
        messages.error(request, error.message)
        return redirect("privacy:resident", uuid=uuid)
    if action == "delete":
        messages.success(request, _("De gegevens van de inwoner zijn gewist."))
        return redirect("privacy:residents")
    messages.success(request, _("De gegevens van de inwoner zijn geanonimiseerd."))
    return redirect("privacy:resident", uuid=uuid)


@permission_required(OFFICER_PERMISSION)
def retention(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        retention_apply.enqueue(_officer(request).pk)
        messages.success(request, _("De bewaartermijnen worden toegepast. Dit gebeurt op de achtergrond."))
        return redirect("privacy:retention")
    report = retention_run(by=_officer(request), apply=False)
    return render(request, "privacy/retention.html", {"report": report})
