"""Booking from the case page: the earliest free slots for a question's product, and
combination appointments (gemeente + DUO) for two or more questions, booked as one. The resident
stays until the appointment is booked; the booking resolves the question."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.appointments import selectors as slots
from servicepunt.appointments import services as booking
from servicepunt.appointments.models import Agenda, Appointment, ArrangementKind, ModeChoice
from servicepunt.cases import selectors
from servicepunt.cases.closing import Resolution
from servicepunt.cases.models import Case, Question
from servicepunt.cases.services import question_bookable_check
from servicepunt.catalogue.models import Product
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.workspace.notifications import confirm_after_commit

WORK = "cases.work_cases"
SHOWN_OPTIONS = 12


def _first_day(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise InvalidInput(_("Vul een geldige datum in."), field="vanaf") from error


def _mode(raw: str | None) -> str | None:
    if raw and raw not in ModeChoice.values:
        raise InvalidInput(_("Kies op locatie, telefoon of videobellen."), field="mode")
    return raw or None


def _start(raw: str | None, field: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(raw or "")
    except ValueError as error:
        raise InvalidInput(_("Kies een tijd uit de lijst."), field=field) from error


def _bookable_questions(case: Case) -> list[Question]:
    return [q for q in case.questions.select_related("product") if q.resolution == Resolution.OPEN and q.product]


@permission_required(WORK)
def slot_page(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_slots")
    question = get_object_or_404(Question, case=case, uuid=request.GET.get("vraag", ""))
    context: dict[str, Any] = {"case": case, "question": question, "modes": ModeChoice.choices}
    if request.GET.get("verzet"):
        context["moving"] = get_object_or_404(
            Appointment, question=question, uuid=request.GET["verzet"], arrangement__isnull=True
        )
    context["mode"], context["first_day"] = request.GET.get("mode", ""), request.GET.get("vanaf", "")
    status = 200
    try:
        if "moving" not in context:  # a new booking: say now what the booking would refuse
            question_bookable_check(question)
            booking.question_free_check(question)
        if question.product is None:
            raise InvalidInput(_("Koppel eerst een product aan deze vraag."), field="product")
        context["slots"] = slots.slot_search(
            product=question.product,
            mode=_mode(request.GET.get("mode")),
            first_day=_first_day(request.GET.get("vanaf")),
            limit=SHOWN_OPTIONS,
        )
    except ServicepuntError as error:
        context["error"], status = error, error.status
    context["idempotency_key"] = uuid_module.uuid4().hex
    return render(request, "workspace/appointment_slots.html", context, status=status)


@require_POST
@permission_required(WORK)
def book(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_book")
    post = request.POST
    question = get_object_or_404(Question, case=case, uuid=post.get("question", ""))
    try:
        with transaction.atomic():
            appointment = booking.appointment_book(
                agenda=get_object_or_404(Agenda, pk=post.get("agenda") or 0),
                product=get_object_or_404(Product, code=post.get("product", "")),
                start=_start(post.get("start"), "start"),
                mode=post.get("mode", ""),
                actor=booking.Actor.staff(request.user),
                question=question,
                resident=case.resident,
                idempotency_key=post.get("idempotency_key") or None,
            )
            confirm_after_commit(appointment=appointment)
    except ServicepuntError as error:
        messages.error(request, error.message)
        return redirect(f"{reverse('workspace:case-slots', args=[case.uuid])}?vraag={question.uuid}")
    messages.success(request, _("Afspraak gemaakt."))
    return redirect("workspace:case", uuid=case.uuid)


def _chosen_questions(case: Case, data: QueryDict) -> list[Question]:
    chosen = [q for q in _bookable_questions(case) if str(q.uuid) in data.getlist("vragen")]
    if len(chosen) < 2:
        raise InvalidInput(_("Kies minstens twee vragen voor een combinatieafspraak."), field="vragen")
    return chosen


@permission_required(WORK)
def combination_page(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_combination")
    data = request.GET
    context: dict[str, Any] = {
        "case": case,
        "questions": _bookable_questions(case),
        "kinds": ArrangementKind.choices,
        "modes": ModeChoice.choices,
        "chosen": data.getlist("vragen"),
        "kind": data.get("soort", ArrangementKind.CONSECUTIVE),
        "mode": data.get("mode", ""),
        "first_day": data.get("vanaf", ""),
    }
    status = 200
    if "vragen" in data:
        try:
            chosen = _chosen_questions(case, data)
            if context["kind"] not in ArrangementKind.values:
                raise InvalidInput(_("Kies na elkaar of samen tegelijk."), field="soort")
            options = slots.combination_search(
                products=[q.product for q in chosen if q.product],
                kind=context["kind"],
                mode=_mode(data.get("mode")),
                first_day=_first_day(data.get("vanaf")),
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
    return render(request, "workspace/appointment_combination.html", context, status=status)


@require_POST
@permission_required(WORK)
def book_combination(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_combination_book")
    post = request.POST
    try:
        parts = []
        for index, question_uuid in enumerate(post.getlist("question")):
            question = get_object_or_404(Question, case=case, uuid=question_uuid)
            parts.append(
                booking.PartChoice(
                    agenda=get_object_or_404(Agenda, pk=post.getlist("agenda")[index]),
                    product=get_object_or_404(Product, code=post.getlist("product")[index]),
                    start=_start(post.getlist("start")[index], f"parts[{index}].start"),
                    question=question,
                )
            )
        with transaction.atomic():
            arrangement = booking.arrangement_book(
                kind=post.get("kind", ""),
                mode=post.get("mode", ""),
                parts=parts,
                actor=booking.Actor.staff(request.user),
                resident=case.resident,
                idempotency_key=post.get("idempotency_key") or None,
            )
            confirm_after_commit(arrangement=arrangement)
    except (ServicepuntError, IndexError) as error:
        messages.error(request, error.message if isinstance(error, ServicepuntError) else _("Kies een optie."))
        return redirect("workspace:case-combination", uuid=case.uuid)
    messages.success(request, _("Combinatieafspraak gemaakt."))
    return redirect("workspace:case", uuid=case.uuid)


@require_POST
@permission_required(WORK)
def cancel(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_cancel")
    appointment = get_object_or_404(Appointment, question__case=case, uuid=request.POST.get("appointment", ""))
    try:
        booking.appointment_cancel(
            appointment=appointment, actor=booking.Actor.staff(request.user), reason=request.POST.get("reason", "")
        )
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Afspraak geannuleerd. De vraag staat weer open."))
    return redirect("workspace:case", uuid=case.uuid)


@require_POST
@permission_required(WORK)
def reschedule(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.appointment_reschedule")
    post = request.POST
    appointment = get_object_or_404(Appointment, question__case=case, uuid=post.get("appointment", ""))
    try:
        with transaction.atomic():
            moved = booking.appointment_reschedule(
                appointment=appointment,
                start=_start(post.get("start"), "start"),
                agenda=get_object_or_404(Agenda, pk=post.get("agenda") or 0),
                actor=booking.Actor.staff(request.user),
                reason=_("verzet door het Servicepunt"),
            )
            confirm_after_commit(appointment=moved)
    except ServicepuntError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Afspraak verzet. De inwoner krijgt een nieuwe bevestiging."))
    return redirect("workspace:case", uuid=case.uuid)
