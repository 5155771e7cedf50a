"""Infoflits pages: start, the guided flow (steps saved with htmx), suggestions and decisions.
Thin fronts over services and selectors; every view checks access on the server."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits import presentation, selectors, services
from servicepunt.infoflits.forms import StartForm


@permission_required("infoflits.run_infoflits")
def start(request: AuthenticatedRequest) -> HttpResponse:
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        infoflits = services.infoflits_start(
            started_by=request.user,
            question_text=form.cleaned_data["question_text"],
            asked_products=form.cleaned_data["asked_products"],
        )
        return redirect("infoflits:flow", uuid=infoflits.uuid)
    recent = selectors.infoflits_recent(user=request.user)
    return render(request, "infoflits/start.html", {"form": form, "recent": recent})


@permission_required("infoflits.run_infoflits")
def flow(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    infoflits = selectors.infoflits_get(user=request.user, uuid=uuid, screen="infoflits.flow")
    return render(
        request, "infoflits/flow.html", presentation.flow_context(infoflits, open_step=request.GET.get("stap"))
    )


@require_POST
@permission_required("infoflits.run_infoflits")
def save_step(request: AuthenticatedRequest, uuid: str, step: str) -> HttpResponse:
    infoflits = selectors.infoflits_get(user=request.user, uuid=uuid, screen="infoflits.save_step")
    error: InvalidInput | None = None
    try:
        services.infoflits_save_step(
            infoflits=infoflits,
            step_code=step,
            form=dict(request.POST.lists()),
            self_sufficiency=request.POST.get("self_sufficiency"),
            saved_by=request.user,
        )
    except InvalidInput as caught:
        error = caught
    if getattr(request, "htmx", False):
        context = presentation.flow_context(infoflits, open_step=step, error=error, posted=request.POST)
        # The answer also carries the refreshed suggestions (out of band), so they never lag behind.
        return render(request, "infoflits/_step_saved.html", {**context, "step_error_any": error is not None})
    if error is not None:
        context = presentation.flow_context(infoflits, open_step=step, error=error, posted=request.POST)
        return render(request, "infoflits/flow.html", context, status=400)
    messages.success(request, _("Opgeslagen."))
    next_step = presentation.next_step_code(step)
    return redirect(f"{request.path.rsplit('/stap/', 1)[0]}/?stap={next_step or step}#stap-{next_step or step}")


@permission_required("infoflits.run_infoflits")
def suggestions(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    infoflits = selectors.infoflits_get(user=request.user, uuid=uuid, screen="infoflits.suggestions")
    return render(request, "infoflits/_suggestions.html", presentation.suggestions_context(infoflits))


@require_POST
@permission_required("infoflits.run_infoflits")
def decide(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    infoflits = selectors.infoflits_get(user=request.user, uuid=uuid, screen="infoflits.decide")
    try:
        services.suggestion_decide(
            infoflits=infoflits,
            product_code=request.POST.get("product", ""),
            decision=request.POST.get("decision", ""),
            decided_by=request.user,
            rule=request.POST.get("rule", ""),
            asked=request.POST.get("asked") == "true",
        )
    except InvalidInput as error:
        messages.error(request, str(error))
    if getattr(request, "htmx", False):
        return render(request, "infoflits/_suggestions.html", presentation.suggestions_context(infoflits))
    return redirect("infoflits:flow", uuid=infoflits.uuid)


@permission_required("infoflits.run_infoflits")
def versions(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    infoflits = selectors.infoflits_get(user=request.user, uuid=uuid, screen="infoflits.versions")
    return render(
        request,
        "infoflits/versions.html",
        {"infoflits": infoflits, "versions": infoflits.versions.select_related("saved_by").order_by("-number")},
    )
