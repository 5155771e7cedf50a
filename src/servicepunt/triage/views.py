"""The "Waar moet ik beginnen?" page. POST, not GET: the resident's words stay out of URLs,
browser history and server logs."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.catalogue.selectors import products_by_code
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.triage.forms import TriageForm
from servicepunt.triage.selectors import triage_search


@permission_required("triage.use_triage")
def search(request: AuthenticatedRequest) -> HttpResponse:
    form = TriageForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "rows": None}
    if form.is_bound and form.is_valid():
        try:
            answer = triage_search(form.cleaned_data["text"])
        except InvalidInput as error:
            form.add_error("text", error.message)
        else:
            products = products_by_code(m.product for m in answer.results)
            context["rows"] = [(match, products.get(match.product)) for match in answer.results]
            context["needs"] = [(need, [products.get(code) for code in need.products]) for need in answer.needs]
            context["language"] = answer.language
    template = "triage/_results.html" if getattr(request, "htmx", False) else "triage/search.html"
    return render(request, template, context)
