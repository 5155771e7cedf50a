"""Reads of the catalogue, shaped for their pages (no N+1: relations are prefetched)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language

from servicepunt.catalogue.models import (
    EntryPoint,
    LifeDomain,
    OpeningException,
    Organisation,
    Product,
    ProductContent,
)

WEEKDAY_COUNT = 7
# The Servicepunt's own organisation in the catalogue (its code in organisations.json).
SERVICEPUNT_ORGANISATION = "servicepunt"


def content_language() -> str:
    """The language for resident-facing texts: the UI language when we have it, else Dutch."""
    language = (get_language() or "nl").split("-")[0]
    return language if language in {"nl", "en"} else "nl"


def product_content(product: Product, language: str | None = None) -> ProductContent | None:
    contents = {c.language: c for c in product.contents.all()}
    return contents.get(language or content_language()) or contents.get("nl")


def _entry_points_prefetch(today: dt.date) -> Prefetch[Any]:
    return Prefetch(
        "entry_points",
        queryset=EntryPoint.objects.filter(active=True)
        .select_related("location", "organisation")
        .prefetch_related(
            "opening_hours", Prefetch("opening_exceptions", queryset=OpeningException.objects.filter(date__gte=today))
        ),
    )


def product_list(
    *, domain: str | None = None, organisation: str | None = None, query: str | None = None
) -> QuerySet[Product]:
    products = (
        Product.objects.filter(active=True)
        .select_related("owner")
        .prefetch_related("domains", "contents")
        .order_by("name")
    )
    if domain:
        products = products.filter(domains__code=domain)
    if organisation:
        products = products.filter(owner__code=organisation)
    if query:
        products = products.filter(name__icontains=query) | products.filter(name_en__icontains=query)
    return products.distinct()


def product_detail(*, code: str, today: dt.date | None = None) -> Product:
    today = today or timezone.localdate()
    queryset = (
        Product.objects.filter(active=True)
        .select_related("owner")
        .prefetch_related("domains", "contents", _entry_points_prefetch(today))
    )
    return get_object_or_404(queryset, code=code)


def organisation_list(*, kind: str | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.filter(active=True).prefetch_related("products").order_by("kind", "name")
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


def organisation_detail(*, code: str, today: dt.date | None = None) -> Organisation:
    today = today or timezone.localdate()
    queryset = Organisation.objects.filter(active=True).prefetch_related(
        "locations",
        Prefetch("products", queryset=Product.objects.filter(active=True).prefetch_related("contents")),
        Prefetch(
            "entry_points",
            queryset=EntryPoint.objects.filter(active=True)
            .select_related("location")
            .prefetch_related(
                "opening_hours",
                Prefetch("opening_exceptions", queryset=OpeningException.objects.filter(date__gte=today)),
            ),
        ),
    )
    return get_object_or_404(queryset, code=code)


def domain_list() -> QuerySet[LifeDomain]:
    return LifeDomain.objects.all()


@dataclass(frozen=True)
class DayHours:
    weekday: int
    intervals: list[str]


def weekly_hours(entry_point: EntryPoint) -> list[DayHours]:
    """Opening hours per weekday (Monday first) as "09:00–17:00" strings; empty list = closed."""
    days: list[list[str]] = [[] for _ in range(WEEKDAY_COUNT)]
    for hours in entry_point.opening_hours.all():
        closes = "24:00" if hours.closes == dt.time(0, 0) else f"{hours.closes:%H:%M}"
        days[hours.weekday].append(f"{hours.opens:%H:%M}–{closes}")
    return [DayHours(weekday=index, intervals=intervals) for index, intervals in enumerate(days)]


def entry_points_active() -> list[EntryPoint]:
    """The active entry points to choose from (a handover's destination), by organisation."""
    return list(EntryPoint.objects.filter(active=True).select_related("organisation").order_by("organisation__name"))


def products_active() -> list[Product]:
    """The active products to choose from, by name, with their code and name only."""
    return list(Product.objects.filter(active=True).order_by("name").only("code", "name"))


def entry_points_offering(product_ids: Iterable[int]) -> dict[int, set[int]]:
    """Per product (by primary key) the active entry points that offer it, in one query."""
    products = Product.objects.filter(pk__in=list(product_ids)).prefetch_related(
        Prefetch("entry_points", queryset=EntryPoint.objects.filter(active=True).only("pk"))
    )
    return {product.pk: {entry_point.pk for entry_point in product.entry_points.all()} for product in products}


def products_choosable() -> QuerySet[Product]:
    """The active products, for a form's choice (lazy: a form field may hold it from import on)."""
    return Product.objects.filter(active=True)


def entry_points_choosable() -> QuerySet[EntryPoint]:
    """The active entry points, for a form's choice (lazy, like `products_choosable`)."""
    return EntryPoint.objects.filter(active=True)


def entry_points_video() -> QuerySet[EntryPoint]:
    """The wijkbureaus that offer "videobellen met het Servicepunt" (their entry points, by name),
    for a form's choice (lazy)."""
    return EntryPoint.objects.filter(active=True, code__startswith="servicepunt-video-").order_by("code")


def products_any() -> QuerySet[Product]:
    """Every product, active or not, for a form's choice where the product was offered earlier
    (a booking names the product of the slot it books)."""
    return Product.objects.all()


def entry_points_of_organisation(organisation_id: int) -> QuerySet[EntryPoint]:
    """The entry points of one organisation, active or not, for a form's choice (lazy): an agenda
    manager picks only among the places of their own organisation."""
    return EntryPoint.objects.filter(organisation_id=organisation_id)


def servicepunt_entry_points() -> QuerySet[EntryPoint]:
    """The Servicepunt's own active entry points (its phone line, desk, video), lazy: the caller
    selects and prefetches what it reads."""
    return EntryPoint.objects.filter(organisation__code=SERVICEPUNT_ORGANISATION, active=True)


def product_contents(*, languages: Iterable[str], product_ids: Iterable[int] | None = None) -> QuerySet[ProductContent]:
    """The product texts in the given languages (of the given products, else of all), lazy: for a
    prefetch or one query per page, whatever the number of products."""
    contents = ProductContent.objects.filter(language__in=set(languages))
    return contents if product_ids is None else contents.filter(product_id__in=set(product_ids))


def products_with_search_texts() -> QuerySet[Product]:
    """The active products with their life domains, texts and search terms: what triage indexes."""
    return Product.objects.filter(active=True).prefetch_related("domains", "contents", "search_terms")


def products_by_code(codes: Iterable[str]) -> dict[str, Product]:
    """The products (with their owner) of the given codes, by code, in one query; unknown codes are absent."""
    return Product.objects.select_related("owner").in_bulk(list(codes), field_name="code")


def product_by_code(code: str) -> Product | None:
    """The product of this code, active or not (a decision names a product offered earlier)."""
    return Product.objects.filter(code=code).first()


def product_codes_unknown(codes: Iterable[str]) -> list[str]:
    """The codes among `codes` that name no product, sorted."""
    wanted = set(codes)
    return sorted(wanted - set(Product.objects.filter(code__in=wanted).values_list("code", flat=True)))


def product_options() -> list[tuple[str, str]]:
    """The active products as (code, name) by name, for a list of choices."""
    return list(Product.objects.filter(active=True).order_by("name").values_list("code", "name"))


def product_code_max_length() -> int:
    """The longest product code the catalogue can hold: a longer one is refused, not cut."""
    return Product._meta.get_field("code").max_length or 0


def _interval(text: str) -> tuple[dt.time, dt.time]:
    opens, _dash, closes = text.partition("-")
    return dt.time.fromisoformat(opens), dt.time.fromisoformat(closes)


def entry_point_open_at(entry_point: EntryPoint, moment: dt.datetime) -> bool:
    """Whether the entry point is open at this moment (local time): a dated exception for the day
    (closed, or other hours) comes before the weekly hours; closing at 00:00 is the end of the day."""
    local = timezone.localtime(moment)
    exception = entry_point.opening_exceptions.filter(date=local.date()).first()
    if exception is not None and exception.closed:
        return False
    if exception is not None:
        intervals = [_interval(text) for text in exception.hours]
    else:
        intervals = [(h.opens, h.closes) for h in entry_point.opening_hours.filter(weekday=local.weekday())]
    now = local.time()
    return any(opens <= now and (closes == dt.time(0) or now < closes) for opens, closes in intervals)
