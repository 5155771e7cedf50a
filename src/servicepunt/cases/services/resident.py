"""State changes for residents: registering (validated, BSN encrypted) and revealing a BSN
(an explicit, logged action)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from servicepunt.audit.services import access_record
from servicepunt.cases.identifiers import (
    IdentifierError,
    bsn_decrypt,
    bsn_digest,
    bsn_encrypt,
    bsn_normalise,
    phone_normalise,
    postcode_normalise,
)
from servicepunt.cases.models import ContactPreference, Resident
from servicepunt.cases.selectors import possible_duplicates
from servicepunt.core.errors import InvalidInput

log = structlog.get_logger(__name__)


@dataclass
class ResidentInput:
    given_name: str
    surname: str
    surname_prefix: str = ""
    date_of_birth: dt.date | None = None
    phone: str = ""
    email: str = ""
    postcode: str = ""
    house_number: str = ""
    preferred_language: str = "nl"
    contact_preference: str = ContactPreference.PHONE
    needs_interpreter: bool = False
    reads_with_difficulty: bool = False
    bsn: str = ""


@dataclass
class Registration:
    resident: Resident
    possible_duplicates: list[Resident]


def _checked(data: ResidentInput) -> dict[str, Any]:
    if not data.given_name.strip():
        raise InvalidInput(_("vul een voornaam in"), field="given_name")
    if not data.surname.strip():
        raise InvalidInput(_("vul een achternaam in"), field="surname")
    if data.date_of_birth and data.date_of_birth > dt.date.today():
        raise InvalidInput(_("de geboortedatum ligt in de toekomst"), field="date_of_birth")
    if data.contact_preference not in ContactPreference.values:
        raise InvalidInput(_("kies telefoon, e-mail, brief of geen"), field="contact_preference")
    try:
        phone = phone_normalise(data.phone) if data.phone.strip() else ""
        postcode = postcode_normalise(data.postcode) if data.postcode.strip() else ""
        bsn = bsn_normalise(data.bsn) if data.bsn.strip() else ""
    except IdentifierError as error:
        raise InvalidInput(error.message, field=error.field) from error
    if data.contact_preference == ContactPreference.PHONE and not phone:
        raise InvalidInput(_("vul een telefoonnummer in, of kies een andere contactvoorkeur"), field="phone")
    if data.contact_preference == ContactPreference.EMAIL and not data.email.strip():
        raise InvalidInput(_("vul een e-mailadres in, of kies een andere contactvoorkeur"), field="email")
    key = settings.SERVICEPUNT_BSN_KEY
    return {
        "given_name": data.given_name.strip(),
        "surname_prefix": data.surname_prefix.strip(),
        "surname": data.surname.strip(),
        "date_of_birth": data.date_of_birth,
        "phone": phone,
        "email": data.email.strip(),
        "postcode": postcode,
        "house_number": data.house_number.strip(),
        "preferred_language": data.preferred_language or "nl",
        "contact_preference": data.contact_preference,
        "needs_interpreter": data.needs_interpreter,
        "reads_with_difficulty": data.reads_with_difficulty,
        "bsn_encrypted": bsn_encrypt(bsn, key) if bsn else "",
        "bsn_digest": bsn_digest(bsn, key) if bsn else "",
    }


def resident_duplicates_check(data: ResidentInput) -> list[Resident]:
    """Validate a registration and return the residents who may be the same person, without
    saving anything: the employee looks before deciding to register someone new."""
    return possible_duplicates(_checked(data))


@transaction.atomic
def resident_register(*, registered_by: Any, data: ResidentInput) -> Registration:
    """Register a resident. Possible duplicates are returned to be shown, not refused: the
    employee decides whether it is the same person."""
    values = _checked(data)
    duplicates = possible_duplicates(values)
    resident = Resident(registered_by=registered_by, **values)
    resident.full_clean()
    resident.save()
    log.info("resident_registered", resident=str(resident.uuid), possible_duplicates=len(duplicates))
    return Registration(resident=resident, possible_duplicates=duplicates)


def resident_bsn_reveal(*, user: Any, resident: Resident, screen: str, purpose: str) -> str:
    """The full BSN, on an explicit action whose purpose is written to the access log."""
    if not resident.has_bsn:
        raise InvalidInput(_("van deze inwoner is geen BSN bekend"), field="bsn")
    if not purpose.strip():
        raise InvalidInput(_("geef het doel op waarvoor u het BSN nodig heeft"), field="purpose")
    access_record(
        user=user, subject_type="resident.bsn", subject_id=str(resident.uuid), screen=screen, purpose=purpose.strip()
    )
    return bsn_decrypt(resident.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY)
