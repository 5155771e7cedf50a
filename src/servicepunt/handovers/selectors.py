"""What a partner may see: only handovers addressed to its organisation whose consent is not
withdrawn, each cut to its consent (`handovers.sharing`): the page and the API read only these.
The handovers and consents of one case for its page (the caller has checked access to the case),
and the counts of handovers for the team leads' figures, which name no one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from servicepunt.catalogue.places import entry_point_prefetches
from servicepunt.catalogue.selectors import domain_list
from servicepunt.handovers.categories import CATEGORIES, INFOFLITS_PREFIX, infoflits_label
from servicepunt.handovers.choices import ConsentMethod, RejectionReason
from servicepunt.handovers.models import Consent, Handover
from servicepunt.handovers.models.handover import STATE_LABELS
from servicepunt.handovers.sharing import ConsentTerms, SharedHandover, consent_terms, shared_handover, shared_handovers
from servicepunt.handovers.states import HandoverState

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case, Resident
    from servicepunt.catalogue.models import Organisation


def partner_inbox(*, user: User) -> QuerySet[Handover]:
    organisation_id = user.organisation_id
    if organisation_id is None:
        raise PermissionDenied
    return (
        Handover.objects.filter(organisation_id=organisation_id, consent__withdrawn_at__isnull=True)
        .exclude(state=HandoverState.CONCEPT)
        .select_related("entry_point", "question__case__resident", "consent")
    )


def partner_inbox_shared(*, user: User, limit: int, today: dt.date | None = None) -> list[SharedHandover]:
    """The newest `limit` handovers of the inbox, each as its consent allows the partner to read it."""
    return shared_handovers(partner_inbox(user=user).order_by("-created_at")[:limit], today=today)


def partner_new_count(*, user: User) -> int:
    return partner_inbox(user=user).filter(state=HandoverState.SENT).count()


def partner_handover(*, user: User, uuid: str) -> Handover:
    return get_object_or_404(partner_inbox(user=user), uuid=uuid)


def partner_handover_shared(*, user: User, uuid: str, today: dt.date | None = None) -> SharedHandover:
    """One handover of the inbox as its consent allows the partner to read it."""
    return shared_handover(partner_handover(user=user, uuid=uuid), today=today)


def _by(queryset: QuerySet[Handover], field: str) -> dict[str, int]:
    return {row[field]: row["n"] for row in queryset.values(field).annotate(n=Count("id")).order_by(field)}


def handover_figures(*, since: dt.datetime) -> dict[str, Any]:
    """Counts for the team leads' figures (`reporting`): handovers made since `since` by state,
    and the reasons of the rejected ones."""
    handovers = Handover.objects.filter(created_at__gte=since)
    return {
        "handovers_by_state": [(STATE_LABELS[HandoverState(state)], n) for state, n in _by(handovers, "state").items()],
        "rejections": [
            (RejectionReason(reason).label, n)
            for reason, n in _by(handovers.exclude(rejection_reason=""), "rejection_reason").items()
        ],
    }


def handovers_for_case(*, case: Case) -> list[Handover]:
    """The handovers of a case's questions, oldest first, with what the case page shows of them."""
    return list(
        Handover.objects.filter(question__case=case)
        .select_related("entry_point", "organisation", "consent")
        .order_by("created_at")
    )


def consents_for_resident(*, resident: Resident, today: dt.date | None = None) -> list[Consent]:
    """The resident's consents, newest first, each with `terms` (what it shares, in plain words,
    and whether it expired) for the staff's page."""
    today = today or timezone.localdate()
    names = dict(domain_list().values_list("code", "name"))
    consents = list(Consent.objects.filter(resident=resident).select_related("organisation", "recorded_by"))
    for consent in consents:
        consent.terms = consent_terms(consent, today=today, domain_names=names)  # type: ignore[attr-defined]
    return consents


@dataclass(frozen=True)
class SharedWith:
    """For the resident: with which organisation what was shared, and whether that still holds."""

    organisation: Organisation
    terms: ConsentTerms


def sharing_for_case(*, case: Case, today: dt.date | None = None) -> list[SharedWith]:
    """The consents of the handovers of a case, oldest first (the resident's summary)."""
    today = today or timezone.localdate()
    names = dict(domain_list().values_list("code", "name"))
    consents = (
        Consent.objects.filter(handover__question__case=case).select_related("organisation").order_by("given_at", "id")
    )
    return [
        SharedWith(organisation=consent.organisation, terms=consent_terms(consent, today=today, domain_names=names))
        for consent in consents
    ]


def consent_method_choices() -> list[tuple[str, StrOrPromise]]:
    """How a consent can be given, for a form's choices."""
    return list(ConsentMethod.choices)


def consent_category_choices() -> list[tuple[str, str]]:
    """What a consent can share, for a form's checkboxes: the categories the app holds data of,
    then the infoflits answers per life domain of the catalogue."""
    fixed = [(info.code.value, str(info.label)) for info in CATEGORIES if info.held]
    domains = [
        (f"{INFOFLITS_PREFIX}{code}", str(infoflits_label(name)))
        for code, name in domain_list().values_list("code", "name")
    ]
    return fixed + domains


def consents_of(*, resident: Resident | None) -> QuerySet[Consent]:
    """The consents a resident gave (none without a resident), for a form's choice."""
    if resident is None:
        return Consent.objects.none()
    return Consent.objects.filter(resident=resident)


def handovers_record(resident: Resident) -> dict[str, list[dict[str, Any]]]:
    """The consents this resident gave and the handovers made: with whom what was shared (AVG
    art. 15)."""
    return {
        "consents": [
            {
                "uuid": str(c.uuid),
                "organisation": c.organisation.name,
                "question": str(c.question.uuid) if c.question else None,
                "categories": list(c.categories),
                "infoflits_domains": list(c.infoflits_domains),
                "note": c.note,
                "method": c.method,
                "given_at": c.given_at.isoformat(),
                "valid_until": c.valid_until.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in Consent.objects.filter(resident=resident)
            .select_related("organisation", "question")
            .order_by("given_at")
        ],
        "handovers": [
            {
                "uuid": str(h.uuid),
                "organisation": h.organisation.name,
                "question": str(h.question.uuid),
                "summary": h.summary,
                "facts": h.facts,
                "contact": h.contact,
                "state": h.state,
                "outcome": h.outcome,
                "created_at": h.created_at.isoformat(),
                "consent": str(h.consent.uuid),
            }
            for h in Handover.objects.filter(question__case__resident=resident)
            .select_related("organisation", "question", "consent")
            .order_by("created_at")
        ],
    }


# Handovers that still lead somewhere: not rejected (the question is open again) and not done.
STILL_LEADING = (HandoverState.SENT, HandoverState.RECEIVED, HandoverState.ACCEPTED, HandoverState.PLANNED)


def handovers_still_leading(*, today: dt.date) -> QuerySet[Handover]:
    """The handovers that still lead somewhere, newest first, with the place they lead to (its
    organisation, location and opening hours on `today`): for a prefetch on a case's questions."""
    return (
        Handover.objects.filter(state__in=STILL_LEADING)
        .select_related("organisation", "entry_point__organisation", "entry_point__location")
        .prefetch_related(*entry_point_prefetches("entry_point", today=today))
        .order_by("-created_at", "-id")
    )
