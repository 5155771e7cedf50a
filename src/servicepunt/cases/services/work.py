"""The work around a case: contact moments, tasks, notes, representatives, linking a question to
a life domain and product, and the case's infoflits. Each change is also written to the timeline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from servicepunt.accounts.roles import Role
from servicepunt.cases.choices import ContactChannel, EventKind, RepresentativeKind, TaskKind
from servicepunt.cases.identifiers import IdentifierError, phone_normalise
from servicepunt.cases.models import Case, ContactMoment, Note, Question, Representative, Task
from servicepunt.cases.selectors import cases_visible, teams_of
from servicepunt.cases.services.common import case_locked_open, event_record
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import date_checked, text_checked
from servicepunt.infoflits.services import infoflits_start

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.catalogue.models import Product
    from servicepunt.infoflits.models import Infoflits

WIJKBUREAU_CHANNELS = frozenset({ContactChannel.VIDEO_WIJKBUREAU, ContactChannel.WIJKBUREAU_COUNTER})
# A team is a role whose members have a worklist (Mijn werkvoorraad): a task for any other role
# would reach nobody.
TASK_TEAMS = (Role.SERVICEPUNT.value, Role.WIJKBUREAU.value)
# How far ahead a task may be due (further is a typing error: 9999-12-31, not a plan), and how far
# back (a call-back recorded afterwards).
TASK_HORIZON = dt.timedelta(days=2 * 366)
TASK_PAST = dt.timedelta(days=366)
SHORT_TEXT = 300  # ContactMoment.outcome, Task.description
NOTE_LENGTH = 4000
# A question linked to a product gets the product's first life domain in this order.
DOMAIN_ORDER = ("position", "code")

# A wait or a conversation longer than a working day is a clock error, not a fact.
CONTACT_SPAN_LIMIT = dt.timedelta(hours=12)


@transaction.atomic
def contact_moment_record(
    *,
    case: Case,
    employee: User,
    channel: str,
    outcome: str,
    at: dt.datetime | None = None,
    wijkbureau: str = "",
    language: str = "nl",
    interpreter: bool = False,
    waited: dt.timedelta | None = None,
    duration: dt.timedelta | None = None,
) -> ContactMoment:
    if channel not in ContactChannel.values:
        raise InvalidInput(_("Kies een kanaal."), field="channel")
    for field, span in (("waited", waited), ("duration", duration)):
        if span is not None and not dt.timedelta(0) <= span <= CONTACT_SPAN_LIMIT:
            raise InvalidInput(_("Deze tijdsduur kan niet kloppen."), field=field)
    wijkbureau = text_checked(wijkbureau, field="wijkbureau", max_length=100)
    if channel in WIJKBUREAU_CHANNELS and not wijkbureau:
        raise InvalidInput(_("Vul in vanuit welk wijkbureau de inwoner contact had."), field="wijkbureau")
    outcome = text_checked(
        outcome, field="outcome", max_length=SHORT_TEXT, required=_("Schrijf de uitkomst van het gesprek op.")
    )
    language = text_checked(language, field="language", max_length=10) or "nl"
    moment = ContactMoment.objects.create(
        case=case,
        employee=employee,
        channel=channel,
        wijkbureau=wijkbureau,
        at=at or timezone.now(),
        language=language,
        interpreter=interpreter,
        outcome=outcome,
        waited=waited,
        duration=duration,
    )
    event_record(case, employee, EventKind.CONTACT_MOMENT, f"{moment.get_channel_display()}: {moment.outcome}")
    return moment


@transaction.atomic
def task_create(
    *,
    case: Case,
    created_by: User,
    kind: str,
    description: str,
    due: dt.date | None,
    assigned_to: User | None = None,
    team: str = "",
) -> Task:
    case = case_locked_open(case)
    if kind not in TaskKind.values:
        raise InvalidInput(_("Kies terugbellen of opvolgen."), field="kind")
    description = text_checked(
        description, field="description", max_length=SHORT_TEXT, required=_("Schrijf op wat er moet gebeuren.")
    )
    if due is None:
        raise InvalidInput(_("Vul een datum in waarop het klaar moet zijn."), field="due")
    today = timezone.localdate()
    date_checked(due, field="due", earliest=today - TASK_PAST, latest=today + TASK_HORIZON)
    if team and team not in TASK_TEAMS:
        raise InvalidInput(_("Kies een team met een werkvoorraad."), field="assignee")
    if assigned_to is None and not team:
        raise InvalidInput(_("Kies een medewerker of een team."), field="assignee")
    if assigned_to is not None and not (assigned_to.is_active and assigned_to.has_perm("cases.work_cases")):
        raise InvalidInput(
            _("Deze medewerker heeft geen werkvoorraad; kies iemand anders of een team."), field="assignee"
        )
    if assigned_to is None and team == Role.WIJKBUREAU.value and team not in teams_of(case.opened_by):
        # Wijkbureau staff see only the cases they opened: nobody there would see this task.
        raise InvalidInput(
            _("Het wijkbureau kan dit vraagstuk niet inzien; kies het Servicepunt of een medewerker."),
            field="assignee",
        )
    if assigned_to is not None and not cases_visible(assigned_to).filter(pk=case.pk).exists():
        # The worklist shows only tasks on cases its owner may see: such a task would be lost.
        raise InvalidInput(
            _("Deze medewerker kan dit vraagstuk niet inzien; kies iemand anders of een team."), field="assignee"
        )
    task = Task.objects.create(
        case=case,
        kind=kind,
        description=description,
        due=due,
        assigned_to=assigned_to,
        team="" if assigned_to is not None else team,
        created_by=created_by,
    )
    event_record(case, created_by, EventKind.TASK_CREATED, task.description)
    return task


@transaction.atomic
def task_done(*, task: Task, by: User) -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.done_at is not None:
        raise InvalidInput(_("Deze taak is al afgerond."), field="task")
    task.done_at, task.done_by = timezone.now(), by
    task.save(update_fields=["done_at", "done_by"])
    event_record(task.case, by, EventKind.TASK_DONE, task.description)
    return task


@transaction.atomic
def note_add(*, case: Case, text: str, by: User) -> Note:
    text = text_checked(text, field="text", max_length=NOTE_LENGTH, required=_("Schrijf een notitie."))
    note = Note.objects.create(case=case, text=text, written_by=by)
    event_record(case, by, EventKind.NOTE_ADDED)
    return note


@transaction.atomic
def representative_add(
    *, case: Case, by: User, name: str, kind: str, phone: str = "", email: str = ""
) -> Representative:
    name = text_checked(name, field="name", max_length=200, required=_("Vul de naam van de vertegenwoordiger in."))
    if kind not in RepresentativeKind.values:
        raise InvalidInput(_("Kies wat voor vertegenwoordiger dit is."), field="kind")
    phone = text_checked(phone, field="phone", max_length=30)
    email = text_checked(email, field="email", max_length=254)
    try:
        phone = phone_normalise(phone) if phone else ""
    except IdentifierError as error:
        raise InvalidInput(error.message, field=error.field) from error
    representative = Representative.objects.create(
        resident=case.resident, name=name, kind=kind, phone=phone, email=email
    )
    event_record(case, by, EventKind.REPRESENTATIVE_ADDED, str(representative))
    return representative


@transaction.atomic
def question_link(*, question: Question, product: Product | None, by: User) -> Question:
    """Link a question to the product it is about; its life domain follows from the product."""
    case_locked_open(question.case)
    question.product = product
    question.domain = product.domains.order_by(*DOMAIN_ORDER).first() if product else None
    question.save(update_fields=["product", "domain"])
    event_record(question.case, by, EventKind.QUESTION_LINKED, product.name if product else "")
    return question


@transaction.atomic
def question_from_suggestion(*, case: Case, product: Product, by: User) -> Question:
    """An extra product the resident accepted in the infoflits becomes a question of the case,
    so the closing rule covers it too."""
    case = case_locked_open(case)
    existing = case.questions.filter(product=product).first()
    if existing is not None:
        return existing
    question = Question.objects.create(
        case=case,
        text=_("Extra aangeboden: %(product)s") % {"product": product.name},
        product=product,
        domain=product.domains.order_by(*DOMAIN_ORDER).first(),
    )
    event_record(case, by, EventKind.QUESTION_ADDED, question.text)
    return question


@transaction.atomic
def case_infoflits_start(*, case: Case, by: User) -> Infoflits:
    """Start the infoflits of this case, with the resident's questions as its starting point."""
    case = case_locked_open(case)
    if case.infoflits_id is not None:
        return case.infoflits  # type: ignore[return-value]
    questions = list(case.questions.all())
    asked = sorted({q.product.code for q in questions if q.product_id and q.product})
    infoflits = infoflits_start(
        started_by=by, question_text=" / ".join(q.text for q in questions), asked_products=asked
    )
    case.infoflits = infoflits
    case.save(update_fields=["infoflits"])
    event_record(case, by, EventKind.INFOFLITS_STARTED)
    return infoflits
