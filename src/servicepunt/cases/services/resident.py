"""State changes for residents: registering (validated, BSN encrypted) and revealing a BSN
(an explicit, logged action)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import structlog
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.audit.services import PURPOSE_LENGTH, access_record, access_record_many
from servicepunt.cases.choices import ContactPreference
from servicepunt.cases.identifiers import (
    IdentifierError,
    bsn_decrypt,
    bsn_digest,
    bsn_encrypt,
    bsn_normalise,
    phone_normalise,
    postcode_normalise,
)
from servicepunt.cases.models import Case, Resident
from servicepunt.cases.selectors import possible_duplicates, residents_visible
from servicepunt.cases.services.case import case_open
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.validation import date_checked, text_checked

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

log = structlog.get_logger(__name__)
# Nobody the Servicepunt helps was born before this; an earlier date is a typing error.
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


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


# The name of the partial unique index on the BSN digest (cases.models.Resident).
ONE_RESIDENT_PER_BSN = "one_resident_per_bsn"
DUPLICATE_CHECK_PURPOSE = "dubbele registratie voorkomen"


class BsnAlreadyRegistered(ServicepuntError):
    """One BSN is one resident. `existing` is the resident with this BSN when the employee may see
    them (the page links to them), else None: the refusal then names no one."""

    status = 409
    code = "bsn-already-registered"

    def __init__(self, existing: Resident | None) -> None:
        if existing is not None:
            message = _("er is al een inwoner met dit BSN; open die inwoner in plaats van een nieuwe te registreren")
        else:
            message = _("dit BSN kunt u niet registreren; neem contact op met het Servicepunt")
        super().__init__(message, field="bsn")
        self.existing = existing


@dataclass
class Registration:
    resident: Resident
    possible_duplicates: list[Resident]
    case: Case | None = None


def _checked(data: ResidentInput) -> dict[str, Any]:
    if not data.given_name.strip():
        raise InvalidInput(_("vul een voornaam in"), field="given_name")
    if not data.surname.strip():
        raise InvalidInput(_("vul een achternaam in"), field="surname")
    # 0001-01-01 is what a date field holds when someone typed only zeros, not a birth date.
    date_checked(data.date_of_birth, field="date_of_birth", earliest=EARLIEST_BIRTH_DATE, latest=timezone.localdate())
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


def resident_duplicates_check(*, user: User, data: ResidentInput, screen: str) -> list[Resident]:
    """Validate a registration and return the residents who may be the same person *and whom this
    user may see*, without saving anything: the employee looks before registering someone new.

    The residents this user may not see change nothing in the answer, so the check tells nobody
    whether someone is a Servicepunt client; the page tells such users to contact the Servicepunt
    whatever the check found. Every candidate the check read, seen or not, is written to the
    access log under that resident, so the privacy officer sees who looked for whom."""
    candidates = possible_duplicates(_checked(data))
    if candidates:
        access_record_many(
            user=user,
            subject_type="resident",
            subject_ids=[str(resident.uuid) for resident in candidates],
            screen=screen,
            purpose=DUPLICATE_CHECK_PURPOSE,
        )
    visible = set(residents_visible(user).filter(pk__in=[r.pk for r in candidates]).values_list("pk", flat=True))
    return [resident for resident in candidates if resident.pk in visible]


def _bsn_refusal(*, user: User, bsn_digest_value: str) -> BsnAlreadyRegistered:
    existing = Resident.objects.filter(bsn_digest=bsn_digest_value).first()
    if existing is None:  # pragma: no cover - only after a concurrent erasure
        return BsnAlreadyRegistered(None)
    access_record(
        user=user,
        subject_type="resident",
        subject_id=str(existing.uuid),
        screen="cases.resident_register",
        purpose=DUPLICATE_CHECK_PURPOSE,
    )
    may_see = residents_visible(user).filter(pk=existing.pk).exists()
    return BsnAlreadyRegistered(existing if may_see else None)


def resident_register(*, registered_by: User, data: ResidentInput) -> Registration:
    """Register a resident. One BSN is one resident: a BSN that is already registered is refused
    (BsnAlreadyRegistered, also when two registrations race: the unique index decides). Other
    possible duplicates are returned to be shown, not refused: the employee decides whether it is
    the same person."""
    values = _checked(data)
    try:
        with transaction.atomic():
            if values["bsn_digest"] and Resident.objects.filter(bsn_digest=values["bsn_digest"]).exists():
                raise BsnAlreadyRegistered(None)
            duplicates = possible_duplicates(values)
            resident = Resident(registered_by=registered_by, **values)
            resident.full_clean(validate_constraints=False)
            resident.save()
    except BsnAlreadyRegistered:
        raise _bsn_refusal(user=registered_by, bsn_digest_value=values["bsn_digest"]) from None
    except IntegrityError as error:
        if ONE_RESIDENT_PER_BSN not in str(error):
            raise
        raise _bsn_refusal(user=registered_by, bsn_digest_value=values["bsn_digest"]) from None
    log.info("resident_registered", resident=str(resident.uuid), possible_duplicates=len(duplicates))
    return Registration(resident=resident, possible_duplicates=duplicates)


@transaction.atomic
def resident_register_with_case(*, registered_by: User, data: ResidentInput, question: str) -> Registration:
    """Register a resident and open their first case with the question they came with, in one
    transaction: a resident without a case is found by nobody's worklist, so a failure (or a
    killed process) between the two must leave neither."""
    registration = resident_register(registered_by=registered_by, data=data)
    registration.case = case_open(resident=registration.resident, opened_by=registered_by, questions=[question])
    return registration


def resident_lock(*, resident: Resident) -> Resident:
    """The resident, locked until the caller's transaction ends: bookings for one resident check
    their other appointments one at a time (call it inside a transaction)."""
    return Resident.objects.select_for_update().get(pk=resident.pk)


def resident_bsn_reveal(*, user: User, resident: Resident, screen: str, purpose: str) -> str:
    """The full BSN, on an explicit action whose purpose is written to the access log."""
    if not resident.has_bsn:
        raise InvalidInput(_("van deze inwoner is geen BSN bekend"), field="bsn")
    purpose = text_checked(
        purpose,
        field="purpose",
        max_length=PURPOSE_LENGTH,
        required=_("geef het doel op waarvoor u het BSN nodig heeft"),
    )
    access_record(user=user, subject_type="resident.bsn", subject_id=str(resident.uuid), screen=screen, purpose=purpose)
    return bsn_decrypt(resident.bsn_encrypted, settings.SERVICEPUNT_BSN_KEY)
