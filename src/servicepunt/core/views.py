"""Pages that belong to no bounded context: the start page and health check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from servicepunt.core.navigation import navigation_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    items = navigation_for(request.user, request.path)
    if items:
        return redirect(items[0].url)
    return render(request, "core/home.html")


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
