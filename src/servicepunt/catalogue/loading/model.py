"""The catalogue as read from its files: plain, immutable data, independent of the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Interval = tuple[dt.time, dt.time]


@dataclass(frozen=True)
class DomainData:
    code: str
    name: str
    name_en: str
    zrm_name: str
    position: int


@dataclass(frozen=True)
class LocationData:
    code: str
    name: str
    street: str
    house_number: str
    postcode: str
    city: str
    accessibility: dict[str, str]


@dataclass(frozen=True)
class ExceptionData:
    date: dt.date
    closed: bool
    hours: list[str]
    note: dict[str, str]


@dataclass(frozen=True)
class EntryPointData:
    code: str
    name: dict[str, str]
    location: str | None
    channels: list[str]
    phone: str
    email: str
    website: str
    languages: list[str]
    accessibility: dict[str, str]
    appointments: bool
    opening_hours: dict[int, list[Interval]]
    exceptions: list[ExceptionData]


@dataclass(frozen=True)
class OrganisationData:
    code: str
    name: str
    name_en: str
    kind: str
    website: str
    phone: str
    description: dict[str, str]
    locations: list[LocationData]
    entry_points: list[EntryPointData]


@dataclass(frozen=True)
class ContentData:
    summary: str
    for_whom: str
    what_you_get: str
    how_to_apply: str
    what_to_bring: list[str]


@dataclass(frozen=True)
class ProductData:
    code: str
    name: str
    name_en: str
    upl: str
    owner: str
    domains: list[str]
    urgent: bool
    entry_points: list[str] | None
    content: dict[str, ContentData]
    vocabulary: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogueData:
    version: str
    valid_from: dt.date
    content_hash: str
    domains: list[DomainData]
    organisations: list[OrganisationData]
    products: list[ProductData]
