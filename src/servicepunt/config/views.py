"""The start page: it sends the signed-in user to the first page the navigation offers them."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from servicepunt.config.navigation import navigation_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    items = navigation_for(request.user, request.path)
    if items:
        return redirect(items[0].url)
    return render(request, "config/home.html")
