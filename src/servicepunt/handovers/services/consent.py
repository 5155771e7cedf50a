from __future__ import annotations

from typing import TYPE_CHECKING

import structlog
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import text_checked
from servicepunt.handovers.models import Consent, ConsentMethod

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Resident
    from servicepunt.catalogue.models import Organisation

log = structlog.get_logger(__name__)


@transaction.atomic
def consent_record(
    *, resident: Resident, organisation: Organisation, what_is_shared: str, method: str, recorded_by: User
) -> Consent:
    what_is_shared = text_checked(
        what_is_shared, field="what_is_shared", max_length=2000, required=_("Schrijf op welke gegevens worden gedeeld.")
    )
    if method not in ConsentMethod.values:
        raise InvalidInput(_("Kies hoe de inwoner toestemming gaf."), field="consent_method")
    consent = Consent.objects.create(
        resident=resident,
        organisation=organisation,
        what_is_shared=what_is_shared,
        method=method,
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
