"""Booking from the case page: the earliest free slots for a question's product, and
combination appointments (gemeente + DUO) for two or more questions, booked as one. The resident
stays until the appointment is booked; the booking resolves the question."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.appointments import selectors as slots
from servicepunt.appointments import services as booking
from servicepunt.appointments.choices import ArrangementKind, ModeChoice
from servicepunt.cases import selectors
from servicepunt.cases.closing import Resolution
from servicepunt.cases.services import question_bookable_check
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.counter.booking_forms import (
    AppointmentChoiceForm,
    BookForm,
    CombinationBookForm,
    CombinationQueryForm,
    PartForm,
    RescheduleForm,
    SlotQueryForm,
)
from servicepunt.counter.views.cases import render_case

if TYPE_CHECKING:
    from servicepunt.appointments.models import Agenda, Appointment
    from servicepunt.cases.models import Case, Question

WORK = "cases.work_cases"
SHOWN_OPTIONS = 12


def _bookable_questions(case: Case) -> list[Question]:
    return [q for q in case.questions.select_related("product") if q.resolution == Resolution.OPEN and q.product]


@permission_required(WORK)
def slot_page(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_slots")
    form = SlotQueryForm(request.GET)
    form.is_valid()
    if "vraag" not in form.cleaned_data:  # without a question there is no slot page to show
        return render_case(request, case, error=form.first_error())
    query = form.cleaned_data
    question = selectors.question_of_case(case=case, uuid=query["vraag"])
    context: dict[str, Any] = {"case": case, "question": question, "modes": ModeChoice.choices}
    if query.get("verzet"):
        context["moving"] = slots.single_appointment_of_question(question=question, uuid=query["verzet"])
    context["mode"], context["first_day"] = query.get("mode", ""), request.GET.get("vanaf", "")
    status = 200
    try:
        query = form.parsed()
        if "moving" not in context:  # a new booking: say now what the booking would refuse
            question_bookable_check(question)
            booking.question_free_check(question)
        if question.product is None:
            raise InvalidInput(_("Koppel eerst een product aan deze vraag."), field="product")
        context["slots"] = slots.slot_search(
            product=question.product, mode=query["mode"] or None, first_day=query["vanaf"], limit=SHOWN_OPTIONS
        )
    except ServicepuntError as error:
        context["error"], status = error, error.status
    context["idempotency_key"] = uuid_module.uuid4().hex
    return render(request, "counter/appointment_slots.html", context, status=status)


NOT_POSTED_AGAIN = frozenset({"csrfmiddlewaretoken", "confirm_overlap"})


def _overlap_page(
    request: AuthenticatedRequest,
    questions: list[Question],
    new_parts: list[tuple[dt.datetime, Agenda]],
    clash: booking.ResidentDoubleBooked,
    back_url: str,
) -> HttpResponse:
    """The warning with the clashing appointments (time, place) and a confirmation that posts the
    same choice again to the same address; the service records who confirmed it."""
    posted = [
        (name, value) for name, values in request.POST.lists() if name not in NOT_POSTED_AGAIN for value in values
    ]
    context = {
        "questions": questions,
        "clashes": clash.clashes,
        "new_parts": new_parts,
        "posted": posted,
        "action_url": request.path,
        "back_url": back_url,
    }
    return render(request, "counter/appointment_overlap.html", context, status=clash.status)


def _slots_url(case: Case, question: Question) -> str:
    return f"{reverse('counter:case-slots', args=[case.uuid])}?vraag={question.uuid}"


@require_POST
@permission_required(WORK)
def book(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_book")
    form = BookForm(request.POST)
    form.is_valid()
    if "question" not in form.cleaned_data:
        return render_case(request, case, error=form.first_error())
    question = selectors.question_of_case(case=case, uuid=form.cleaned_data["question"])
    try:
        data = form.parsed()
        booking.appointment_book(
            agenda=data["agenda"],
            product=data["product"],
            start=data["start"],
            mode=data["mode"],
            actor=booking.Actor.staff(request.user),
            question=question,
            resident=case.resident,
            idempotency_key=data["idempotency_key"] or None,
            confirm_overlap=data["confirm_overlap"],
        )
    except booking.ResidentDoubleBooked as clash:
        return _overlap_page(request, [question], [(data["start"], data["agenda"])], clash, _slots_url(case, question))
    except ServicepuntError as error:
        messages.error(request, error.message)
        return redirect(_slots_url(case, question))
    messages.success(request, _("Afspraak gemaakt."))
    return redirect("counter:case", uuid=case.uuid)


def _chosen_questions(case: Case, chosen_uuids: list[str]) -> list[Question]:
    chosen = [q for q in _bookable_questions(case) if str(q.uuid) in chosen_uuids]
    if len(chosen) < 2:
        raise InvalidInput(_("Kies minstens twee vragen voor een combinatieafspraak."), field="vragen")
    return chosen


@permission_required(WORK)
def combination_page(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_combination")
    questions = _bookable_questions(case)
    data = request.GET
    form = CombinationQueryForm(data, [(str(q.uuid), q.text) for q in questions])
    context: dict[str, Any] = {
        "case": case,
        "questions": questions,
        "kinds": ArrangementKind.choices,
        "modes": ModeChoice.choices,
        "chosen": data.getlist("vragen"),
        "kind": data.get("soort") or ArrangementKind.CONSECUTIVE,
        "mode": data.get("mode", ""),
        "first_day": data.get("vanaf", ""),
    }
    status = 200
    if "vragen" in data:
        try:
            query = form.parsed()
            chosen = _chosen_questions(case, query["vragen"])
            options = slots.combination_search(
                products=[q.product for q in chosen if q.product],
                kind=query["soort"] or ArrangementKind.CONSECUTIVE,
                mode=query["mode"] or None,
                first_day=query["vanaf"],
                limit=SHOWN_OPTIONS,
            )
            by_product = {q.product_id: q for q in chosen}
            context["options"] = [
                {"option": option, "parts": [(part, by_product[part.product.pk]) for part in option.parts]}
                for option in options
            ]
        except ServicepuntError as error:
            context["error"], status = error, error.status
    context["idempotency_key"] = uuid_module.uuid4().hex
    return render(request, "counter/appointment_combination.html", context, status=status)


def _parts(case: Case, post: QueryDict) -> list[booking.PartChoice]:
    lists = {name: post.getlist(name) for name in ("question", "agenda", "product", "start")}
    if not lists["question"] or len({len(values) for values in lists.values()}) != 1:
        raise InvalidInput(_("Kies een optie."), field="parts")
    parts = []
    for index in range(len(lists["question"])):
        form = PartForm({name: values[index] for name, values in lists.items()})
        if not form.is_valid():
            error = form.first_error()
            raise InvalidInput(error.message, field=f"parts[{index}].{error.field}")
        data = form.cleaned_data
        question = selectors.question_of_case(case=case, uuid=data["question"])
        parts.append(booking.PartChoice(data["agenda"], data["product"], data["start"], question))
    return parts


@require_POST
@permission_required(WORK)
def book_combination(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_combination_book")
    try:
        parts = _parts(case, request.POST)
        data = CombinationBookForm(request.POST).parsed()
        booking.arrangement_book(
            kind=data["kind"],
            mode=data["mode"],
            parts=parts,
            actor=booking.Actor.staff(request.user),
            resident=case.resident,
            idempotency_key=data["idempotency_key"] or None,
            confirm_overlap=data["confirm_overlap"],
        )
    except booking.ResidentDoubleBooked as clash:
        questions = [part.question for part in parts if part.question is not None]
        back = reverse("counter:case-combination", args=[case.uuid])
        return _overlap_page(request, questions, [(part.start, part.agenda) for part in parts], clash, back)
    except ServicepuntError as error:
        messages.error(request, error.message)
        return redirect("counter:case-combination", uuid=case.uuid)
    messages.success(request, _("Combinatieafspraak gemaakt."))
    return redirect("counter:case", uuid=case.uuid)


def _case_appointment(case: Case, data: dict[str, Any]) -> Appointment:
    return slots.appointment_of_case(case=case, uuid=data["appointment"])


@require_POST
@permission_required(WORK)
def cancel(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_cancel")
    try:
        data = AppointmentChoiceForm(request.POST).parsed()
        booking.appointment_cancel(
            appointment=_case_appointment(case, data), actor=booking.Actor.staff(request.user), reason=data["reason"]
        )
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Afspraak geannuleerd. De inwoner krijgt daarover een bericht. De vraag staat weer open.")
        )
    return redirect("counter:case", uuid=case.uuid)


@require_POST
@permission_required(WORK)
def reschedule(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.appointment_reschedule")
    try:
        data = RescheduleForm(request.POST).parsed()
        appointment = _case_appointment(case, data)
        booking.appointment_reschedule(
            appointment=appointment,
            start=data["start"],
            agenda=data["agenda"],
            actor=booking.Actor.staff(request.user),
            reason=_("verzet door het Servicepunt"),
            confirm_overlap=data["confirm_overlap"],
        )
    except booking.ResidentDoubleBooked as clash:
        question = appointment.question
        assert question is not None  # _case_appointment finds appointments of this case's questions
        back = f"{_slots_url(case, question)}&verzet={appointment.uuid}"
        return _overlap_page(request, [question], [(data["start"], data["agenda"])], clash, back)
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Afspraak verzet. De inwoner krijgt een nieuwe bevestiging."))
    return redirect("counter:case", uuid=case.uuid)


@require_POST
@permission_required(WORK)
def renew_link(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    """Revoke the resident's links and send each coming appointment's confirmation again with a
    new one (e.g. when a message reached the wrong person)."""
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.resident_link_renew")
    queued = booking.resident_link_renew(resident=case.resident, by=request.user)
    if queued:
        messages.success(request, _("De oude link werkt niet meer. De inwoner krijgt een bericht met een nieuwe link."))
    else:
        messages.success(
            request, _("De oude link werkt niet meer. Er zijn geen komende afspraken, dus er is geen nieuw bericht.")
        )
    return redirect("counter:case", uuid=case.uuid)
