from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.catalogue.selectors import domain_list
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import text_checked
from servicepunt.handovers.categories import ALWAYS, CODES, INFOFLITS_PREFIX
from servicepunt.handovers.choices import ConsentMethod
from servicepunt.handovers.models import Consent

if TYPE_CHECKING:
    from collections.abc import Iterable

    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Question, Resident
    from servicepunt.catalogue.models import Organisation

log = structlog.get_logger(__name__)
NOTE_LENGTH = 2000


def consent_shared_checked(shared: Iterable[str]) -> tuple[list[str], list[str]]:
    """The form's codes split into fixed categories (with the name, always) and life domains of
    the infoflits; an unknown code is refused, not dropped."""
    categories, domains = set(ALWAYS), set()
    known_domains: set[str] | None = None
    for code in shared:
        if code in CODES:
            categories.add(code)
        elif code.startswith(INFOFLITS_PREFIX):
            if known_domains is None:
                known_domains = set(domain_list().values_list("code", flat=True))
            domain = code.removeprefix(INFOFLITS_PREFIX)
            if domain not in known_domains:
                raise InvalidInput(_("Kies alleen leefdomeinen uit de lijst."), field="shared")
            domains.add(domain)
        else:
            raise InvalidInput(_("Kies alleen gegevens uit de lijst."), field="shared")
    return [code for code in CODES if code in categories], sorted(domains)


@transaction.atomic
def consent_record(
    *,
    resident: Resident,
    organisation: Organisation,
    question: Question | None,
    shared: Iterable[str],
    method: str,
    valid_until: dt.date | None,
    recorded_by: User,
    note: str = "",
    today: dt.date | None = None,
) -> Consent:
    """Record what the resident agreed to share with `organisation` for `question`, how and until when."""
    today = today or timezone.localdate()
    categories, domains = consent_shared_checked(shared)
    if method not in ConsentMethod.values:
        raise InvalidInput(_("Kies hoe de inwoner toestemming gaf."), field="consent_method")
    if valid_until is None:
        raise InvalidInput(_("Vul in tot wanneer de toestemming geldt."), field="valid_until")
    if valid_until < today:
        raise InvalidInput(_("De datum ‘geldig tot’ ligt in het verleden."), field="valid_until")
    note = text_checked(note, field="consent_note", max_length=NOTE_LENGTH)
    consent = Consent.objects.create(
        resident=resident,
        organisation=organisation,
        question=question,
        categories=categories,
        infoflits_domains=domains,
        note=note,
        method=method,
        valid_until=valid_until,
        recorded_by=recorded_by,
    )
    log.info("consent_recorded", consent=str(consent.uuid))
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, withdrawn_by: User) -> Consent:
    """After this the partner no longer sees the resident's data in its handovers."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if not consent.active:
        raise InvalidInput(_("Deze toestemming is al ingetrokken."), field="consent")
    consent.withdrawn_at, consent.withdrawn_by = timezone.now(), withdrawn_by
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    log.info("consent_withdrawn", consent=str(consent.uuid))
    return consent
