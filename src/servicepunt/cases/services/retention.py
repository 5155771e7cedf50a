"""Retention and erasure of residents and their cases (AVG art. 5 lid 1e, art. 17). The period is
not set here: the caller (privacy) passes the cutoff from its retention rules.

A resident is anonymised, not deleted, once every case is closed and the last one closed before the
cutoff: the cases stay for the figures, everything that identifies the person is wiped. A resident
without any case may be erased at once. While a case is open, or a closed case is still within its
retention period, erasure is refused with the reason (AVG art. 17 lid 3 onder b: a legal
obligation to keep it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.cases.choices import CaseStatus
from servicepunt.cases.models import CaseEvent, ContactMoment, Note, Question, Resident, Task
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

ANONYMOUS_NAME = "Geanonimiseerd"


def residents_due(*, closed_before: dt.datetime) -> QuerySet[Resident]:
    """Residents whose cases are all closed, the last one before the cutoff, not yet anonymised."""
    return (
        Resident.objects.filter(anonymised_at__isnull=True)
        .annotate(
            case_count=Count("cases"),
            open_count=Count("cases", filter=~Q(cases__status=CaseStatus.CLOSED)),
            last_closed=Max("cases__closed_at"),
        )
        .filter(case_count__gt=0, open_count=0, last_closed__lt=closed_before)
    )


def residents_due_ids(*, closed_before: dt.datetime) -> list[int]:
    """The residents a retention run anonymises now, so the apps that hold more about them
    (handovers, appointments) wipe their part in the same run."""
    return list(residents_due(closed_before=closed_before).values_list("pk", flat=True))


def _wipe(resident: Resident, now: dt.datetime) -> None:
    Resident.objects.filter(pk=resident.pk).update(
        given_name=ANONYMOUS_NAME,
        surname_prefix="",
        surname="",
        date_of_birth=None,
        phone="",
        email="",
        postcode="",
        house_number="",
        needs_interpreter=False,
        reads_with_difficulty=False,
        bsn_encrypted="",
        bsn_digest="",
        anonymised_at=now,
    )
    resident.representatives.all().delete()
    # The resident's own words and what staff wrote about them go; kinds, dates and outcomes of
    # the case (for the figures) stay.
    Question.objects.filter(case__resident=resident).update(text="")
    Note.objects.filter(case__resident=resident).update(text="")
    Task.objects.filter(case__resident=resident).update(description="")
    ContactMoment.objects.filter(case__resident=resident).update(outcome="")
    CaseEvent.objects.filter(case__resident=resident).update(detail="")


@transaction.atomic
def residents_anonymise(*, closed_before: dt.datetime, apply: bool) -> int:
    """Anonymise every resident due (or with apply=False only count them). Running it again
    finds nothing new."""
    # Locked by id: PostgreSQL allows no FOR UPDATE on the grouped query that finds them.
    ids = residents_due_ids(closed_before=closed_before)
    due = list(Resident.objects.select_for_update().filter(pk__in=ids, anonymised_at__isnull=True))
    if apply:
        now = timezone.now()
        for resident in due:
            _wipe(resident, now)
    return len(due)


@dataclass(frozen=True)
class ErasureVerdict:
    allowed: bool
    action: str  # "delete" (no case), "anonymise" (cases past retention) or "" when refused
    reason: str


def erasure_verdict(*, resident: Resident, closed_before: dt.datetime) -> ErasureVerdict:
    """May this resident be erased now, and if not, why not."""
    if resident.anonymised_at is not None:
        return ErasureVerdict(False, "", _("Deze inwoner is al geanonimiseerd."))
    cases = resident.cases.all()
    if not cases.exists():
        return ErasureVerdict(True, "delete", _("Er is geen vraagstuk: alle gegevens kunnen weg."))
    if cases.exclude(status=CaseStatus.CLOSED).exists():
        return ErasureVerdict(
            False, "", _("Er loopt nog een vraagstuk. Wissen kan pas als alle vraagstukken zijn afgesloten.")
        )
    last_closed = cases.aggregate(last=Max("closed_at"))["last"]
    if last_closed is not None and last_closed >= closed_before:
        return ErasureVerdict(
            False,
            "",
            _(
                "Een afgesloten vraagstuk valt nog binnen de wettelijke bewaartermijn (Archiefwet). "
                "Anonimiseren kan vanaf %(day)s."
            )
            % {"day": timezone.localdate(last_closed + (timezone.now() - closed_before)).isoformat()},
        )
    return ErasureVerdict(True, "anonymise", _("De bewaartermijn is voorbij: de gegevens worden geanonimiseerd."))


@transaction.atomic
def resident_erase(*, resident: Resident, closed_before: dt.datetime, by: User) -> str:
    """Erase this resident where the law allows: delete when there is no case, anonymise when
    every case is past its retention period; otherwise refused naming the reason."""
    locked = Resident.objects.select_for_update().get(pk=resident.pk)
    verdict = erasure_verdict(resident=locked, closed_before=closed_before)
    if not verdict.allowed:
        raise InvalidInput(verdict.reason, field="resident")
    if verdict.action == "delete":
        locked.representatives.all().delete()
        locked.delete()
    else:
        _wipe(locked, timezone.now())
    return verdict.action
