"""Reads of the infoflits: the questionnaire and rules (cached per process), access-checked
lookups, the current situation and its suggestions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from servicepunt.audit.services import access_record
from servicepunt.core.errors import InvalidInput
from servicepunt.infoflits.amounts import situation_amounts_checked
from servicepunt.infoflits.choices import Decision
from servicepunt.infoflits.engine import (
    RuleSet,
    SituationError,
    SuggestionResult,
    load_ruleset,
    suggest,
    validate_situation,
)
from servicepunt.infoflits.models import Infoflits, SituationVersion, SuggestionDecision
from servicepunt.infoflits.questionnaire import Questionnaire, load_questionnaire

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import Product


@cache
def questionnaire() -> Questionnaire:
    return load_questionnaire()


@cache
def ruleset() -> RuleSet:
    return load_ruleset()


def infoflits_access(user: User, infoflits: Infoflits) -> bool:
    """Servicepunt staff see every infoflits; others only the ones they started themselves."""
    if not user.has_perm("infoflits.run_infoflits"):
        return False
    return user.has_perm("infoflits.view_all_infoflits") or infoflits.started_by_id == user.pk


RECENT_LIMIT = 20


def infoflits_recent(*, user: User) -> list[Infoflits]:
    """The newest infoflitsen this user may resume: their own, or all for Servicepunt staff."""
    queryset = Infoflits.objects.select_related("started_by").annotate(version_count=Count("versions"))
    if not user.has_perm("infoflits.view_all_infoflits"):
        queryset = queryset.filter(started_by=user)
    return list(queryset.order_by("-started_at")[:RECENT_LIMIT])


ACCESS_PURPOSE = "infoflits afnemen"

# Whose infoflits this is: cases knows (an infoflits belongs to a case, and so to a resident) and
# registers a lookup here at start-up, since infoflits may not import cases. Every view of an
# infoflits is logged under its resident, so the privacy officer finds it by the person.
ResidentOf = Callable[[Infoflits], str | None]
_resident_lookups: list[ResidentOf] = []


def infoflits_resident_lookup_register(lookup: ResidentOf) -> None:
    if lookup not in _resident_lookups:
        _resident_lookups.append(lookup)


def infoflits_resident(infoflits: Infoflits) -> str | None:
    """The public id (uuid) of the resident this infoflits is about, or None when it is not
    (yet) part of a case."""
    for lookup in _resident_lookups:
        if resident := lookup(infoflits):
            return resident
    return None


def infoflits_get(*, user: User, uuid: str, screen: str) -> Infoflits:
    """The infoflits, if this user may see it; every access is written to the access log.
    Without the permission: 403. Someone else's infoflits answers 404, like someone else's case,
    so its existence is not revealed."""
    if not user.has_perm("infoflits.run_infoflits"):
        raise PermissionDenied
    infoflits = get_object_or_404(Infoflits, uuid=uuid)
    if not infoflits_access(user, infoflits):
        raise Http404
    resident = infoflits_resident(infoflits)
    if resident is None:
        access_record(
            user=user, subject_type="infoflits", subject_id=str(infoflits.uuid), screen=screen, purpose=ACCESS_PURPOSE
        )
    else:
        access_record(
            user=user,
            subject_type="resident.infoflits",
            subject_id=resident,
            screen=screen,
            purpose=f"{ACCESS_PURPOSE} ({infoflits.uuid})",
        )
    return infoflits


def current_version(infoflits: Infoflits) -> SituationVersion:
    return infoflits.versions.select_related("saved_by").order_by("-number").first()  # type: ignore[return-value]


def suggestions_for(situation: dict[str, Any]) -> SuggestionResult:
    return suggest(situation, ruleset())


def situation_checked(situation: Any) -> dict[str, Any]:
    """An outside situation (API, CLI) ready for the engine: amounts read like typed ones, then
    the schema; refused with the field named."""
    if not isinstance(situation, dict):
        raise InvalidInput("moet een JSON-object zijn", field="situation")
    checked = situation_amounts_checked(situation)
    try:
        validate_situation(checked)
    except SituationError as error:
        raise InvalidInput(str(error), field=getattr(error, "path", None)) from error
    _product_codes_checked(checked)
    return checked


def _product_codes_checked(situation: dict[str, Any]) -> None:
    """A product code nobody knows (a typo) would be silently ignored: refused instead."""
    rules = ruleset()
    known = set(rules.products) | set(rules.triage_only)
    question = situation.get("question") or {}
    for field, codes in (
        ("question.asked_products", question.get("asked_products") or []),
        ("benefits_received", situation.get("benefits_received") or []),
    ):
        unknown = sorted(set(codes) - known)
        if unknown:
            raise InvalidInput(_("Onbekend product: %(codes)s") % {"codes": ", ".join(unknown)}, field=field)


def suggestions_checked(situation: Any) -> dict[str, Any]:
    """Suggestions for outside input (the CLI), refused with the field named."""
    return suggestions_for(situation_checked(situation)).to_dict()


def current_decisions(infoflits: Infoflits) -> dict[str, SuggestionDecision]:
    """The newest decision per product code."""
    decisions: dict[str, SuggestionDecision] = {}
    for record in infoflits.decisions.select_related("product", "decided_by").order_by("decided_at", "id"):
        decisions[record.product.code] = record
    return decisions


def products_accepted(infoflits: Infoflits, *, except_ids: set[int]) -> list[Product]:
    """The products whose newest decision is "accepted", but for those in `except_ids`."""
    return [
        decision.product
        for decision in current_decisions(infoflits).values()
        if decision.decision == Decision.ACCEPTED and decision.product_id not in except_ids
    ]


_OFFERED = (Decision.OFFERED, Decision.ACCEPTED, Decision.DECLINED)


def infoflits_figures(*, since: dt.datetime) -> dict[str, Any]:
    """Counts for the team leads' figures (`reporting`): infoflitsen started since `since`, and of
    the products suggested beyond the question asked (each product's latest decision) how many were
    offered and accepted."""
    latest = SuggestionDecision.objects.filter(infoflits=OuterRef("infoflits"), product=OuterRef("product")).order_by(
        "-decided_at", "-id"
    )
    current = SuggestionDecision.objects.filter(infoflits__started_at__gte=since).filter(
        pk=Subquery(latest.values("pk")[:1])
    )
    extra = current.filter(asked=False)
    infoflitsen = Infoflits.objects.filter(started_at__gte=since).count()
    extra_offered = extra.filter(decision__in=_OFFERED).count()
    return {
        "infoflitsen": infoflitsen,
        "extra_offered": extra_offered,
        "extra_accepted": extra.filter(decision=Decision.ACCEPTED).count(),
        "extra_per_infoflits": round(extra_offered / infoflitsen, 2) if infoflitsen else 0,
    }


def infoflits_record(uuids: Sequence[str]) -> list[dict[str, Any]]:
    """The answers of these infoflitsen, every saved version, and the decisions (AVG art. 15)."""
    return [
        {
            "uuid": str(infoflits.uuid),
            "started_at": infoflits.started_at.isoformat(),
            "answers_removed_at": infoflits.answers_removed_at.isoformat() if infoflits.answers_removed_at else None,
            "versions": [
                {
                    "number": v.number,
                    "saved_at": v.saved_at.isoformat(),
                    "situation": v.situation,
                    "self_sufficiency": v.self_sufficiency,
                }
                for v in infoflits.versions.order_by("number")
            ],
            "decisions": [
                {"product": d.product.code, "decision": d.decision, "decided_at": d.decided_at.isoformat()}
                for d in infoflits.decisions.select_related("product").order_by("decided_at")
            ],
        }
        for infoflits in Infoflits.objects.filter(uuid__in=list(uuids)).order_by("started_at")
    ]
