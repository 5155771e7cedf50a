from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from servicepunt.audit.selectors import PAGE_SIZE, access_log
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import control_free


@permission_required("audit.view_accesslog")
def log(request: HttpRequest) -> HttpResponse:
    username = request.GET.get("medewerker", "").strip()
    subject_id = request.GET.get("kenmerk", "").strip()
    day_text = request.GET.get("datum", "").strip()
    error = ""
    day = None
    if day_text:
        try:
            day = dt.date.fromisoformat(day_text)
        except ValueError:
            error = "datum"
    try:  # PostgreSQL cannot even compare text with a NUL byte in it
        control_free(username, field="medewerker")
        control_free(subject_id, field="kenmerk")
    except InvalidInput as refused:
        messages.error(request, f"{refused.field}: {refused.message}")
        username = subject_id = ""
    entries = access_log(user=request.user, username=username, subject_id=subject_id, day=day)
    status = 200
    try:  # a control character (NUL) cannot be searched for; PostgreSQL would refuse it (a 500)
        control_free(username, field="medewerker")
        control_free(subject_id, field="kenmerk")
    except InvalidInput as refused:
        messages.error(request, refused.message)
        entries, username, subject_id, status = entries.none(), "", "", 400
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "audit/log.html",
        {"page": page, "username": username, "subject_id": subject_id, "day": day_text, "error": error},
        status=status,
    )
