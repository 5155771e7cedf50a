"""`catalogue_load`: make the database match the catalogue files, in one transaction.

Idempotent: a row is only written when a value differs, so loading twice changes nothing.
Products, organisations and entry points that left the files are deactivated, not deleted,
because cases refer to them; their texts, hours and search terms are replaced.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction

from servicepunt.catalogue.loading.model import CatalogueData, EntryPointData, OrganisationData, ProductData
from servicepunt.catalogue.loading.parse import DEFAULT_DATA_DIR, parse_catalogue
from servicepunt.catalogue.models import (
    CatalogueRelease,
    EntryPoint,
    LifeDomain,
    Location,
    OpeningException,
    OpeningHours,
    Organisation,
    Product,
    ProductContent,
    SearchTerm,
    UplEntry,
)
from servicepunt.catalogue.services.revision import revision_bump, revision_bumps_suppressed

M = TypeVar("M", bound=models.Model)


@dataclass
class LoadReport:
    version: str
    changes: Counter[str] = field(default_factory=Counter)
    unknown_upl: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.changes.values())


def _upsert(model: type[M], report: LoadReport, lookup: dict[str, Any], values: dict[str, Any]) -> M:
    obj = model._default_manager.filter(**lookup).first()
    label = model._meta.model_name or model.__name__
    if obj is None:
        obj = model._default_manager.create(**lookup, **values)
        report.changes[f"{label}.created"] += 1
        return obj
    dirty = [name for name, value in values.items() if getattr(obj, name) != value]
    if dirty:
        for name in dirty:
            setattr(obj, name, values[name])
        obj.save(update_fields=dirty)
        report.changes[f"{label}.updated"] += 1
    return obj


def _replace_children(
    report: LoadReport,
    label: str,
    queryset: models.QuerySet[Any],
    wanted: set[tuple[Any, ...]],
    fields: tuple[str, ...],
    create: Any,
) -> None:
    existing = {tuple(row[f] for f in fields): row["pk"] for row in queryset.values("pk", *fields)}
    stale = [pk for key, pk in existing.items() if key not in wanted]
    if stale:
        queryset.filter(pk__in=stale).delete()
        report.changes[f"{label}.deleted"] += len(stale)
    for key in sorted(wanted - existing.keys(), key=str):
        create(dict(zip(fields, key, strict=True)))
        report.changes[f"{label}.created"] += 1


def _set_m2m(report: LoadReport, label: str, manager: Any, wanted: list[Any]) -> None:
    if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
        manager.set(wanted)
        report.changes[f"{label}.updated"] += 1


def _load_entry_point(
    report: LoadReport, org: Organisation, data: EntryPointData, locations: dict[str, Location]
) -> EntryPoint:
    entry_point = _upsert(
        EntryPoint,
        report,
        {"code": data.code},
        {
            "organisation": org,
            "location": locations.get(data.location or ""),
            "name_nl": data.name.get("nl", ""),
            "name_en": data.name.get("en", ""),
            "channels": data.channels,
            "phone": data.phone,
            "email": data.email,
            "website": data.website,
            "languages": data.languages,
            "accessibility_nl": data.accessibility.get("nl", ""),
            "accessibility_en": data.accessibility.get("en", ""),
            "appointments": data.appointments,
            "active": True,
        },
    )
    hours = {(day, opens, closes) for day, intervals in data.opening_hours.items() for opens, closes in intervals}
    _replace_children(
        report,
        "openinghours",
        entry_point.opening_hours.all(),
        hours,
        ("weekday", "opens", "closes"),
        lambda values: OpeningHours.objects.create(entry_point=entry_point, **values),
    )
    _replace_exceptions(report, entry_point, data)
    return entry_point


def _replace_exceptions(report: LoadReport, entry_point: EntryPoint, data: EntryPointData) -> None:
    wanted = {e.date: e for e in data.exceptions}
    for existing in entry_point.opening_exceptions.all():
        if existing.date not in wanted:
            existing.delete()
            report.changes["openingexception.deleted"] += 1
    for exc in data.exceptions:
        _upsert(
            OpeningException,
            report,
            {"entry_point": entry_point, "date": exc.date},
            {
                "closed": exc.closed,
                "hours": exc.hours,
                "note_nl": exc.note.get("nl", ""),
                "note_en": exc.note.get("en", ""),
            },
        )


def _load_organisation(report: LoadReport, data: OrganisationData) -> tuple[Organisation, list[EntryPoint]]:
    org = _upsert(
        Organisation,
        report,
        {"code": data.code},
        {
            "name": data.name,
            "name_en": data.name_en,
            "kind": data.kind,
            "website": data.website,
            "phone": data.phone,
            "description_nl": data.description.get("nl", ""),
            "description_en": data.description.get("en", ""),
            "active": True,
        },
    )
    locations = {}
    for loc in data.locations:
        locations[loc.code] = _upsert(
            Location,
            report,
            {"organisation": org, "code": loc.code},
            {
                "name": loc.name,
                "street": loc.street,
                "house_number": loc.house_number,
                "postcode": loc.postcode,
                "city": loc.city,
                "accessibility_nl": loc.accessibility.get("nl", ""),
                "accessibility_en": loc.accessibility.get("en", ""),
            },
        )
    entry_points = [_load_entry_point(report, org, ep, locations) for ep in data.entry_points]
    return org, entry_points


def _load_product(
    report: LoadReport,
    data: ProductData,
    orgs: dict[str, Organisation],
    org_entry_points: dict[str, list[EntryPoint]],
    domains: dict[str, LifeDomain],
    upl_names: dict[str, str],
) -> None:
    if data.upl and upl_names and data.upl not in upl_names:
        report.unknown_upl.append(f"{data.code}: {data.upl}")
    product = _upsert(
        Product,
        report,
        {"code": data.code},
        {
            "name": data.name,
            "name_en": data.name_en,
            "upl_uri": data.upl,
            "upl_name": upl_names.get(data.upl, ""),
            "owner": orgs[data.owner],
            "urgent": data.urgent,
            "active": True,
        },
    )
    _set_m2m(report, "product.domains", product.domains, [domains[d] for d in data.domains])
    by_code = {ep.code: ep for eps in org_entry_points.values() for ep in eps}
    wanted_eps = [by_code[c] for c in data.entry_points] if data.entry_points else org_entry_points[data.owner]
    _set_m2m(report, "product.entry_points", product.entry_points, wanted_eps)
    for language, content in data.content.items():
        _upsert(
            ProductContent,
            report,
            {"product": product, "language": language},
            {
                "summary": content.summary,
                "for_whom": content.for_whom,
                "what_you_get": content.what_you_get,
                "how_to_apply": content.how_to_apply,
                "what_to_bring": content.what_to_bring,
            },
        )
    stale_contents = product.contents.exclude(language__in=list(data.content))
    if stale_contents.exists():
        report.changes["productcontent.deleted"] += stale_contents.delete()[0]
    terms = {(language, phrase) for language, phrases in data.vocabulary.items() for phrase in phrases}
    _replace_children(
        report,
        "searchterm",
        product.search_terms.all(),
        terms,
        ("language", "phrase"),
        lambda values: SearchTerm.objects.create(product=product, **values),
    )


def _deactivate_missing(report: LoadReport, model: type[models.Model], codes: set[str]) -> None:
    stale = model._default_manager.filter(active=True).exclude(code__in=codes)
    count = stale.update(active=False)
    if count:
        report.changes[f"{model._meta.model_name}.deactivated"] += count


@transaction.atomic
def catalogue_apply(data: CatalogueData) -> LoadReport:
    report = LoadReport(version=data.version)
    with revision_bumps_suppressed():
        domains = {
            d.code: _upsert(
                LifeDomain,
                report,
                {"code": d.code},
                {"name": d.name, "name_en": d.name_en, "zrm_name": d.zrm_name, "position": d.position},
            )
            for d in data.domains
        }
        orgs: dict[str, Organisation] = {}
        org_entry_points: dict[str, list[EntryPoint]] = {}
        for org_data in data.organisations:
            orgs[org_data.code], org_entry_points[org_data.code] = _load_organisation(report, org_data)
        upl_names = dict(UplEntry.objects.values_list("uri", "name"))
        for product in data.products:
            _load_product(report, product, orgs, org_entry_points, domains, upl_names)
        _deactivate_missing(report, Organisation, set(orgs))
        _deactivate_missing(report, EntryPoint, {ep.code for eps in org_entry_points.values() for ep in eps})
        _deactivate_missing(report, Product, {p.code for p in data.products})
    if report.changed:
        CatalogueRelease.objects.create(
            version=data.version,
            valid_from=data.valid_from,
            content_hash=data.content_hash,
            changes=dict(report.changes),
        )
        revision_bump()
    return report


def catalogue_load(*, data_dir: Path = DEFAULT_DATA_DIR) -> LoadReport:
    """Parse the files first (nothing is written when one is broken), then apply them atomically."""
    return catalogue_apply(parse_catalogue(data_dir))
