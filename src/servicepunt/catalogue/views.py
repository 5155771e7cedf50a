"""Staff pages of the catalogue (sociale kaart): thin fronts over the selectors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from servicepunt.catalogue import selectors
from servicepunt.catalogue.choices import OrganisationKind
from servicepunt.catalogue.forms import ProductFilterForm
from servicepunt.core.access import permission_required


@permission_required("catalogue.view_product")
def product_list(request: HttpRequest) -> HttpResponse:
    form = ProductFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    products = selectors.product_list(
        domain=filters.get("domain") or None, organisation=filters.get("organisation") or None
    )
    language = selectors.content_language()
    rows = [(product, selectors.product_content(product, language)) for product in products]
    return render(request, "catalogue/product_list.html", {"form": form, "rows": rows})


@permission_required("catalogue.view_product")
def product_detail(request: HttpRequest, code: str) -> HttpResponse:
    product = selectors.product_detail(code=code)
    entry_points = [(ep, selectors.weekly_hours(ep)) for ep in product.entry_points.all()]
    return render(
        request,
        "catalogue/product_detail.html",
        {"product": product, "content": selectors.product_content(product), "entry_points": entry_points},
    )


@permission_required("catalogue.view_organisation")
def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or None
    if kind not in OrganisationKind.values:
        kind = None
    return render(
        request,
        "catalogue/organisation_list.html",
        {"organisations": selectors.organisation_list(kind=kind), "kinds": OrganisationKind.choices, "kind": kind},
    )


@permission_required("catalogue.view_organisation")
def organisation_detail(request: HttpRequest, code: str) -> HttpResponse:
    organisation = selectors.organisation_detail(code=code)
    language = selectors.content_language()
    entry_points = [(ep, selectors.weekly_hours(ep)) for ep in organisation.entry_points.all()]
    products = [(p, selectors.product_content(p, language)) for p in organisation.products.all()]
    return render(
        request,
        "catalogue/organisation_detail.html",
        {"organisation": organisation, "entry_points": entry_points, "products": products},
    )
