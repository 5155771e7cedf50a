"""Reads of residents: search by name, date of birth, phone, postcode + house number or an
exact BSN; possible duplicates; the masked BSN for display."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from rapidfuzz import fuzz

from servicepunt.accounts.roles import Role
from servicepunt.audit.services import access_record
from servicepunt.cases.choices import CaseStatus
from servicepunt.cases.identifiers import (
    IdentifierError,
    bsn_decrypt,
    bsn_digest,
    bsn_mask,
    bsn_normalise,
    phone_normalise,
    postcode_normalise,
)
from servicepunt.cases.models import Case, Question, Resident, Task
from servicepunt.core.errors import InvalidInput

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.infoflits.models import Infoflits

SIMILAR_NAME = 85
SEARCH_LIMIT = 50
SURNAME_PREFIX_WORDS = frozenset({"de", "den", "der", "van", "het", "ter", "ten", "te", "op", "in", "el", "al", "'t"})
TRIGRAM = 3  # pg_trgm finds a substring in an index only from three characters on


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
    within: QuerySet[Resident] | None = None,
    name: str = "",
    date_of_birth: dt.date | None = None,
    phone: str = "",
    postcode: str = "",
    house_number: str = "",
    bsn: str = "",
) -> QuerySet[Resident]:
    """Residents matching every given criterion. A BSN only matches exactly."""
    residents = Resident.objects.all() if within is None else within
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
    # "de", "van der": a surname prefix names no one on its own; "Sanne de Vries" searches Sanne + Vries.
    words = [word for word in name.split() if word.lower() not in SURNAME_PREFIX_WORDS]
    for word in words:
        residents = residents.filter(Q(given_name__icontains=word) | Q(surname__icontains=word))
    return residents.order_by(*_name_order(words))[:SEARCH_LIMIT]  # type: ignore[return-value]


def _name_order(words: list[str]) -> tuple[Any, ...]:
    """By surname, then given name. When a word is long enough for the trigram indexes
    (migration 0004), sort by an expression no index provides: ordering by the plain column
    tempts PostgreSQL to walk the surname index in order and test row by row, which reads most of
    the table when the matches sit together (every "Jansen" under J). The same order either way."""
    if any(len(word) >= TRIGRAM for word in words):
        return (Concat("surname", Value("")), "given_name")
    return ("surname", "given_name")


# --- Access: who may see which resident and case -------------------------------------------

ACCESS_PURPOSE = "vraagstuk behandelen"


def cases_visible(user: User) -> QuerySet[Case]:
    """Servicepunt staff see every case; wijkbureau staff only the cases they registered."""
    if not user.has_perm("cases.work_cases"):
        raise PermissionDenied
    cases = Case.objects.all()
    if not user.has_perm("cases.view_all_cases"):
        cases = cases.filter(opened_by=user)
    return cases


def residents_visible(user: User) -> QuerySet[Resident]:
    """Residents this user may see: all for Servicepunt staff; for wijkbureau staff the ones they
    registered or opened a case for."""
    if not user.has_perm("cases.work_cases"):
        raise PermissionDenied
    residents = Resident.objects.all()
    if not user.has_perm("cases.view_all_cases"):
        residents = residents.filter(Q(registered_by=user) | Q(cases__opened_by=user)).distinct()
    return residents


def resident_get(*, user: User, uuid: Any, screen: str, purpose: str = ACCESS_PURPOSE) -> Resident:
    """The resident, if this user may see them; the view is written to the access log."""
    resident = get_object_or_404(residents_visible(user), uuid=uuid)
    access_record(user=user, subject_type="resident", subject_id=str(resident.uuid), screen=screen, purpose=purpose)
    return resident


def case_get(*, user: User, uuid: Any, screen: str, purpose: str = ACCESS_PURPOSE) -> Case:
    """The case with its resident, if this user may see it; the view is written to the access log
    under the resident, whose personal data the case page shows."""
    case = get_object_or_404(cases_visible(user).select_related("resident", "opened_by", "infoflits"), uuid=uuid)
    access_record(
        user=user, subject_type="resident", subject_id=str(case.resident.uuid), screen=screen, purpose=purpose
    )
    return case


def case_page(case: Case) -> dict[str, Any]:
    """Everything the case page shows, in a fixed number of queries whatever the case holds."""
    questions = list(case.questions.select_related("domain", "product").order_by("created_at", "id"))
    return {
        "case": case,
        "resident": case.resident,
        "questions": questions,
        "tasks": list(case.tasks.select_related("assigned_to").order_by("done_at", "due", "id")),
        "contact_moments": list(case.contact_moments.select_related("employee")),
        "notes": list(case.notes.select_related("written_by")),
        "events": list(case.events.select_related("by").order_by("-at", "-id")),
        "representatives": list(case.resident.representatives.all()),
    }


def teams_of(user: User) -> list[str]:
    """A team is a role: tasks for "the Servicepunt" reach every Servicepunt employee."""
    names = set(user.groups.values_list("name", flat=True))
    return [role.value for role in Role if str(role.label) in names]


def worklist(*, user: User, today: dt.date) -> dict[str, Any]:
    """Mijn werkvoorraad: my open cases and my open tasks (mine or my team's), overdue first."""
    cases = (
        cases_visible(user)
        .filter(opened_by=user)
        .exclude(status=CaseStatus.CLOSED)
        .select_related("resident")
        .order_by("opened_at")
    )
    tasks = (
        Task.objects.filter(done_at__isnull=True, case__in=cases_visible(user))
        .filter(Q(assigned_to=user) | Q(assigned_to__isnull=True, team__in=teams_of(user)))
        .select_related("case__resident", "assigned_to")
        .order_by("due", "id")
    )
    task_list = list(tasks[:SEARCH_LIMIT])
    return {
        "cases": list(cases[:SEARCH_LIMIT]),
        "tasks": task_list,
        "overdue": [task for task in task_list if task.due < today],
    }


def case_figures(*, since: dt.datetime, today: dt.date) -> dict[str, Any]:
    """Counts for the team leads' figures (`reporting`): never a resident."""
    cases = Case.objects.filter(opened_at__gte=since)
    by_status = cases.values("status").annotate(n=Count("id")).order_by("status")
    return {
        "cases": cases.count(),
        "cases_by_status": [(CaseStatus(row["status"]).label, row["n"]) for row in by_status],
        "questions": Question.objects.filter(case__in=cases).count(),
        "tasks_overdue": Task.objects.filter(done_at__isnull=True, due__lt=today).count(),
    }


def resident_of_infoflits(infoflits: Infoflits) -> str | None:
    """The resident (public id) whose case holds this infoflits: the access log files every view
    of an infoflits under that resident."""
    resident = Case.objects.filter(infoflits=infoflits).values_list("resident__uuid", flat=True).first()
    return str(resident) if resident else None


def infoflits_of_open_cases() -> set[str]:
    """The infoflitsen (public ids) of cases still open: retention keeps their answers."""
    return {
        str(uuid)
        for uuid in Case.objects.exclude(status=CaseStatus.CLOSED)
        .exclude(infoflits=None)
        .values_list("infoflits__uuid", flat=True)
    }


def resident_by_uuid(uuid: Any) -> Resident:
    """One resident by public id, for the privacy officer's export and erasure (who reads no
    cases otherwise); an unknown or malformed id is refused naming the field."""
    try:
        return Resident.objects.get(uuid=uuid)
    except (Resident.DoesNotExist, ValueError, ValidationError) as error:
        raise InvalidInput(gettext("Geen inwoner met dit kenmerk."), field="resident") from error


def residents_matching(*, name: str = "", bsn: str = "") -> list[Resident]:
    """Residents by name (every word in the name) or by exact BSN through its keyed digest: the
    privacy officer's search of the access log."""
    queryset = Resident.objects.all()
    if bsn:
        try:
            digest = bsn_digest(bsn_normalise(bsn), settings.SERVICEPUNT_BSN_KEY)
        except IdentifierError as error:
            raise InvalidInput(error.message, field="bsn") from error
        queryset = queryset.filter(bsn_digest=digest)
    for word in name.split():
        queryset = queryset.filter(
            Q(given_name__icontains=word) | Q(surname__icontains=word) | Q(surname_prefix__icontains=word)
        )
    return list(queryset[:RESIDENTS_MATCHING_LIMIT])


RESIDENTS_MATCHING_LIMIT = 50


def resident_record(resident: Resident) -> dict[str, Any]:
    """Everything cases holds about this resident, as plain data (AVG art. 15)."""
    return {
        "resident": {
            "uuid": str(resident.uuid),
            "given_name": resident.given_name,
            "surname_prefix": resident.surname_prefix,
            "surname": resident.surname,
            "date_of_birth": resident.date_of_birth.isoformat() if resident.date_of_birth else None,
            "phone": resident.phone,
            "email": resident.email,
            "postcode": resident.postcode,
            "house_number": resident.house_number,
            "preferred_language": resident.preferred_language,
            "contact_preference": resident.contact_preference,
            "needs_interpreter": resident.needs_interpreter,
            "reads_with_difficulty": resident.reads_with_difficulty,
            "bsn": bsn_masked(resident) if resident.has_bsn else None,
            "registered_at": resident.registered_at.isoformat(),
            "anonymised_at": resident.anonymised_at.isoformat() if resident.anonymised_at else None,
        },
        "representatives": [
            {"name": r.name, "kind": r.kind, "phone": r.phone, "email": r.email} for r in resident.representatives.all()
        ],
        "cases": [
            {
                "uuid": str(case.uuid),
                "status": case.status,
                "opened_at": case.opened_at.isoformat(),
                "closed_at": case.closed_at.isoformat() if case.closed_at else None,
                "closing_reason": case.closing_reason,
                "infoflits": str(case.infoflits.uuid) if case.infoflits else None,
                "questions": [
                    {
                        "uuid": str(q.uuid),
                        "text": q.text,
                        "resolution": q.resolution,
                        "created_at": q.created_at.isoformat(),
                    }
                    for q in case.questions.all()
                ],
                "notes": [{"text": n.text, "written_at": n.written_at.isoformat()} for n in case.notes.all()],
                "tasks": [{"description": t.description, "due": t.due.isoformat()} for t in case.tasks.all()],
                "contact_moments": [
                    {"channel": c.channel, "at": c.at.isoformat(), "outcome": c.outcome}
                    for c in case.contact_moments.all()
                ],
                "events": [{"kind": e.kind, "at": e.at.isoformat(), "detail": e.detail} for e in case.events.all()],
            }
            for case in resident.cases.select_related("infoflits").order_by("opened_at")
        ],
    }


def infoflits_of_resident(resident: Resident) -> list[str]:
    """The infoflitsen (public ids) of this resident's cases."""
    return [str(uuid) for uuid in resident.cases.exclude(infoflits=None).values_list("infoflits__uuid", flat=True)]


def question_of_case(*, case: Case, uuid: Any) -> Question:
    """One question of this case by its public id; another case's question is not found (404)."""
    return get_object_or_404(Question, case=case, uuid=uuid)


def questions_none() -> QuerySet[Question]:
    """No questions: a form field's choices until the form narrows them to its case."""
    return Question.objects.none()


def tasks_none() -> QuerySet[Task]:
    """No tasks: a form field's choices until the form narrows them to its case."""
    return Task.objects.none()
