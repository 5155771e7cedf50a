"""What a partner reads of a handover: exactly the categories its consent names, and nothing
else. The one place where the consent is enforced: the partner's pages and the partner API (and
any later export of a handover) read a `SharedHandover`, never the resident or the handover's own
fields of personal data.

A withdrawn consent shares nothing (its handovers leave the inbox, `selectors.partner_inbox`); an
expired one shares only what is always shared (the name) and says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from servicepunt.catalogue.selectors import domain_list
from servicepunt.handovers.categories import ALWAYS, Category, labels
from servicepunt.handovers.facts import field_domains

if TYPE_CHECKING:
    from collections.abc import Iterable

    from servicepunt.handovers.models import Consent, Handover


@dataclass(frozen=True)
class ConsentTerms:
    """The consent as the partner (and the resident) may read it."""

    categories: tuple[str, ...]  # codes of handovers.categories, the name always
    infoflits_domains: tuple[str, ...]
    labels: tuple[str, ...]  # the same in plain words
    valid_until: dt.date
    expired: bool
    withdrawn: bool


@dataclass(frozen=True)
class SharedHandover:
    """A handover cut to its consent. None (or empty) means: not shared."""

    handover: Handover  # state, entry point and history only; never read personal data through it
    consent: ConsentTerms
    resident_name: str
    question: str | None = None
    summary: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    communication: dict[str, Any] | None = None
    contact_preference_label: str = ""  # the communication's contact preference in words
    facts: dict[str, Any] = field(default_factory=dict)
    zrm: dict[str, int] = field(default_factory=dict)  # life domain code -> score 1..5
    documents: tuple[Any, ...] = ()  # the app holds no documents yet

    @property
    def uuid(self) -> Any:
        return self.handover.uuid


def _domain_names() -> dict[str, str]:
    return dict(domain_list().values_list("code", "name"))


def consent_terms(consent: Consent, *, today: dt.date, domain_names: dict[str, str] | None = None) -> ConsentTerms:
    names = _domain_names() if domain_names is None else domain_names
    return ConsentTerms(
        categories=tuple(consent.categories),
        infoflits_domains=tuple(consent.infoflits_domains),
        labels=tuple(labels(consent.categories, consent.infoflits_domains, names)),
        valid_until=consent.valid_until,
        expired=consent.expired(today),
        withdrawn=not consent.active,
    )


def _allowed(consent: Consent, today: dt.date) -> tuple[set[str], set[str]]:
    """The categories and life domains that may be read now."""
    if not consent.active:
        return set(), set()
    if consent.expired(today):
        return set(ALWAYS), set()
    return set(consent.categories) | ALWAYS, set(consent.infoflits_domains)


def _address(postcode: str, house_number: str) -> str | None:
    return " ".join(part for part in (postcode, house_number) if part) or None


def _preference_label(resident: Any, preference: Any) -> str:
    choices = dict(resident._meta.get_field("contact_preference").flatchoices)
    return str(choices.get(preference, preference or ""))


def shared_handover(
    handover: Handover,
    *,
    today: dt.date | None = None,
    domain_names: dict[str, str] | None = None,
    domains_of_fields: dict[str, str | None] | None = None,
) -> SharedHandover:
    """The handover as its consent allows the partner to read it. The handover must come with
    its consent and its question's case and resident (`selectors.partner_inbox` selects them)."""
    today = today or timezone.localdate()
    consent = handover.consent
    categories, domains = _allowed(consent, today)
    resident = handover.question.case.resident
    of_field = field_domains() if domains_of_fields is None else domains_of_fields
    return SharedHandover(
        handover=handover,
        consent=consent_terms(consent, today=today, domain_names=domain_names),
        resident_name=resident.full_name if Category.NAME in categories else "",
        question=handover.question.text if Category.QUESTION in categories else None,
        summary=handover.summary if Category.QUESTION in categories else None,
        phone=(resident.phone or None) if Category.PHONE in categories else None,
        email=(resident.email or None) if Category.EMAIL in categories else None,
        address=_address(resident.postcode, resident.house_number) if Category.ADDRESS in categories else None,
        communication=dict(handover.contact) if Category.COMMUNICATION in categories else None,
        contact_preference_label=_preference_label(resident, handover.contact.get("preference"))
        if Category.COMMUNICATION in categories
        else "",
        facts={key: value for key, value in handover.facts.items() if of_field.get(key) in domains},
        zrm=dict(handover.zrm_scores) if Category.ZRM in categories else {},
    )


def zrm_labelled(zrm: dict[str, int], domain_names: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """The scores with the life domain's name, in the catalogue's order of domains."""
    names = _domain_names() if domain_names is None else domain_names
    order = {code: position for position, code in enumerate(names)}
    return [(names.get(code, code), score) for code, score in sorted(zrm.items(), key=lambda i: order.get(i[0], 99))]


def shared_handovers(handovers: Iterable[Handover], *, today: dt.date | None = None) -> list[SharedHandover]:
    """Many handovers cut to their consents, with the catalogue read once."""
    today = today or timezone.localdate()
    names, of_field = _domain_names(), field_domains()
    return [
        shared_handover(handover, today=today, domain_names=names, domains_of_fields=of_field) for handover in handovers
    ]
