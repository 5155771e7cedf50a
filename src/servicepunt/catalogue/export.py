"""The catalogue as one JSON-ready document: for `servicepunt catalogue export` and reuse."""

from __future__ import annotations

from typing import Any

from servicepunt.catalogue.models import CatalogueRelease, EntryPoint, LifeDomain, Organisation, Product

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _entry_point(entry_point: EntryPoint) -> dict[str, Any]:
    hours: dict[str, list[str]] = {}
    for interval in entry_point.opening_hours.all():
        closes = "24:00" if interval.closes.hour == 0 and interval.closes.minute == 0 else f"{interval.closes:%H:%M}"
        hours.setdefault(WEEKDAYS[interval.weekday], []).append(f"{interval.opens:%H:%M}-{closes}")
    return {
        "code": entry_point.code,
        "name": {"nl": entry_point.name_nl, "en": entry_point.name_en},
        "location": entry_point.location.code if entry_point.location else None,
        "channels": entry_point.channels,
        "phone": entry_point.phone,
        "email": entry_point.email,
        "website": entry_point.website,
        "languages": entry_point.languages,
        "appointments": entry_point.appointments,
        "opening_hours": hours,
        "exceptions": [
            {
                "date": e.date.isoformat(),
                "closed": e.closed,
                "hours": e.hours,
                "note": {"nl": e.note_nl, "en": e.note_en},
            }
            for e in entry_point.opening_exceptions.all()
        ],
    }


def catalogue_export() -> dict[str, Any]:
    release = CatalogueRelease.objects.order_by("-loaded_at").first()
    organisations = Organisation.objects.filter(active=True).prefetch_related(
        "locations", "entry_points__opening_hours", "entry_points__opening_exceptions", "entry_points__location"
    )
    products = (
        Product.objects.filter(active=True)
        .select_related("owner")
        .prefetch_related("domains", "entry_points", "contents", "search_terms")
    )
    return {
        "version": release.version if release else None,
        "domains": [{"code": d.code, "name": d.name, "name_en": d.name_en} for d in LifeDomain.objects.all()],
        "organisations": [
            {
                "code": o.code,
                "name": o.name,
                "name_en": o.name_en,
                "kind": o.kind,
                "website": o.website,
                "phone": o.phone,
                "locations": [
                    {"code": loc.code, "name": loc.name, "address": loc.address_line} for loc in o.locations.all()
                ],
                "entry_points": [_entry_point(ep) for ep in o.entry_points.all() if ep.active],
            }
            for o in organisations
        ],
        "products": [
            {
                "code": p.code,
                "name": p.name,
                "name_en": p.name_en,
                "upl": p.upl_uri or None,
                "upl_name": p.upl_name,
                "owner": p.owner.code,
                "domains": [d.code for d in p.domains.all()],
                "urgent": p.urgent,
                "entry_points": [ep.code for ep in p.entry_points.all()],
                "content": {
                    c.language: {
                        "summary": c.summary,
                        "for_whom": c.for_whom,
                        "what_you_get": c.what_you_get,
                        "how_to_apply": c.how_to_apply,
                        "what_to_bring": c.what_to_bring,
                    }
                    for c in p.contents.all()
                },
                "vocabulary": _vocabulary(p),
            }
            for p in products
        ],
    }


def _vocabulary(product: Product) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for term in product.search_terms.all():
        result.setdefault(term.language, []).append(term.phrase)
    return result
