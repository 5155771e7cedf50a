"""Reads of residents: search by name, date of birth, phone, postcode + house number or an
exact BSN; possible duplicates; the masked BSN for display."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from servicepunt.cases.identifiers import (
    IdentifierError,
    bsn_decrypt,
    bsn_digest,
    bsn_mask,
    bsn_normalise,
    phone_normalise,
    postcode_normalise,
)
from servicepunt.cases.models import Resident
from servicepunt.core.errors import InvalidInput

SIMILAR_NAME = 85
SEARCH_LIMIT = 50


def bsn_masked(resident: Resident) -> str:
    """For display: only the last digits. The full BSN needs resident_bsn_reveal."""
    return bsn_mask(bsn_decrypt(resident.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY)) if resident.has_bsn else ""


def _similar(a: str, b: str) -> bool:
    return fuzz.ratio(a.lower(), b.lower()) >= SIMILAR_NAME


def possible_duplicates(values: dict[str, Any]) -> list[Resident]:
    """Residents who may be the same person: same BSN, same phone, or a similar surname with the
    same date of birth or the same address."""
    query = Q()
    if values.get("bsn_digest"):
        query |= Q(bsn_digest=values["bsn_digest"])
    if values.get("phone"):
        query |= Q(phone=values["phone"])
    if values.get("date_of_birth"):
        query |= Q(date_of_birth=values["date_of_birth"])
    if values.get("postcode") and values.get("house_number"):
        query |= Q(postcode=values["postcode"], house_number=values["house_number"])
    if not query:
        return []
    found = []
    for candidate in Resident.objects.filter(query)[:SEARCH_LIMIT]:
        strong = (values.get("bsn_digest") and candidate.bsn_digest == values["bsn_digest"]) or (
            values.get("phone") and candidate.phone == values["phone"]
        )
        if strong or _similar(candidate.surname, values["surname"]):
            found.append(candidate)
    return found


def resident_search(
    *,
    name: str = "",
    date_of_birth: dt.date | None = None,
    phone: str = "",
    postcode: str = "",
    house_number: str = "",
    bsn: str = "",
) -> QuerySet[Resident]:
    """Residents matching every given criterion. A BSN only matches exactly."""
    residents = Resident.objects.all()
    try:
        if bsn.strip():
            residents = residents.filter(bsn_digest=bsn_digest(bsn_normalise(bsn), settings.SERVICEPUNT_BSN_KEY))
        if phone.strip():
            residents = residents.filter(phone=phone_normalise(phone))
        if postcode.strip():
            residents = residents.filter(postcode=postcode_normalise(postcode))
    except IdentifierError as error:
        raise InvalidInput(error.message, field=error.field) from error
    if house_number.strip():
        residents = residents.filter(house_number=house_number.strip())
    if date_of_birth:
        residents = residents.filter(date_of_birth=date_of_birth)
    for word in name.split():
        residents = residents.filter(Q(given_name__icontains=word) | Q(surname__icontains=word))
    return residents.order_by("surname", "given_name")[:SEARCH_LIMIT]  # type: ignore[return-value]
