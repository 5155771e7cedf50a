"""The case page and its actions. Each action is a POST that calls one service; bad input
re-renders the page with the message and the field it is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.cases import selectors, services
from servicepunt.cases.closing import Resolution
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.counter import forms
from servicepunt.counter.presentation import case_context
from servicepunt.handovers.services import consent_withdraw, handover_start

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

WORK = "cases.work_cases"


def render_case(request: AuthenticatedRequest, case: Case, *, error: ServicepuntError | None = None) -> HttpResponse:
    context = case_context(case, today=timezone.localdate(), viewer=request.user)
    context["error"] = error
    return render(request, "counter/case_detail.html", context, status=error.status if error else 200)


@permission_required(WORK)
def detail(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.case")
    return render_case(request, case)


Data = dict[str, Any]


def _add_question(case: Case, user: User, data: Data) -> str:
    services.question_add(case=case, text=data["text"], by=user)
    return _("Vraag toegevoegd.")


def _link_question(case: Case, user: User, data: Data) -> str:
    services.question_link(question=data["question"], product=data["product"], by=user)
    return _("Product gekoppeld.")


def _resolve_question(case: Case, user: User, data: Data) -> str:
    services.question_resolve(
        question=data["question"], resolution=Resolution(data["resolution"]), by=user, detail=data["detail"]
    )
    return _("Vraag afgehandeld.")


def _reopen_question(case: Case, user: User, data: Data) -> str:
    services.question_reopen(question=data["question"], by=user, reason=data["reason"])
    return _("Vraag staat weer open.")


def _add_suggestion(case: Case, user: User, data: Data) -> str:
    services.question_from_suggestion(case=case, product=data["product"], by=user)
    return _("Extra product toegevoegd als vraag.")


def _handover(case: Case, user: User, data: Data) -> str:
    handover_start(
        question=data["question"],
        entry_point=data["entry_point"],
        shared=data["shared"],
        consent_method=data["consent_method"],
        valid_until=data["valid_until"],
        consent_note=data["consent_note"],
        summary=data["summary"],
        by=user,
    )
    return _("Toestemming vastgelegd en overdracht verstuurd.")


def _task(case: Case, user: User, data: Data) -> str:
    assigned_to, team = data["assignee"]
    services.task_create(
        case=case,
        created_by=user,
        kind=data["kind"],
        description=data["description"],
        due=data["due"],
        assigned_to=assigned_to,
        team=team,
    )
    return _("Taak gemaakt.")


def _task_done(case: Case, user: User, data: Data) -> str:
    services.task_done(task=data["task"], by=user)
    return _("Taak afgerond.")


def _contact(case: Case, user: User, data: Data) -> str:
    services.contact_moment_record(
        case=case,
        employee=user,
        channel=data["channel"],
        outcome=data["outcome"],
        wijkbureau=data["wijkbureau"],
        language=data["language"] or "nl",
        interpreter=data["interpreter"],
    )
    return _("Contactmoment vastgelegd.")


def _note(case: Case, user: User, data: Data) -> str:
    services.note_add(case=case, text=data["text"], by=user)
    return _("Notitie opgeslagen.")


def _representative(case: Case, user: User, data: Data) -> str:
    services.representative_add(
        case=case, by=user, name=data["name"], kind=data["kind"], phone=data["phone"], email=data["email"]
    )
    return _("Vertegenwoordiger vastgelegd.")


def _withdraw_consent(case: Case, user: User, data: Data) -> str:
    consent_withdraw(consent=data["consent"], withdrawn_by=user)
    return _("Toestemming ingetrokken. De organisatie ziet de gegevens niet meer.")


def _close(case: Case, user: User, data: Data) -> str:
    services.case_close(case=case, closed_by=user, reason=data["reason"])
    return _("Vraagstuk afgesloten.")


def _reopen(case: Case, user: User, data: Data) -> str:
    services.case_reopen(case=case, by=user, reason=data["reason"])
    return _("Vraagstuk opnieuw geopend.")


# action in the URL -> the form that checks its input, and the service call
ACTIONS: dict[str, tuple[type[forms.CaseActionForm], Callable[[Case, User, Data], str]]] = {
    "vraag": (forms.QuestionAddForm, _add_question),
    "koppel": (forms.QuestionLinkForm, _link_question),
    "afhandelen": (forms.QuestionResolveForm, _resolve_question),
    "heropen-vraag": (forms.QuestionReopenForm, _reopen_question),
    "voorstel": (forms.SuggestionForm, _add_suggestion),
    "overdracht": (forms.HandoverForm, _handover),
    "taak": (forms.TaskForm, _task),
    "taak-klaar": (forms.TaskDoneForm, _task_done),
    "contact": (forms.ContactForm, _contact),
    "notitie": (forms.NoteForm, _note),
    "vertegenwoordiger": (forms.RepresentativeForm, _representative),
    "toestemming-intrekken": (forms.ConsentWithdrawForm, _withdraw_consent),
    "afsluiten": (forms.CaseCloseForm, _close),
    "heropenen": (forms.CaseReopenForm, _reopen),
}


@require_POST
@permission_required(WORK)
def act(request: AuthenticatedRequest, uuid: str, action: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen=f"counter.case.{action}")
    if action not in ACTIONS:
        return render_case(request, case, error=InvalidInput(_("Onbekende actie."), field="action"))
    form_class, handler = ACTIONS[action]
    form = form_class(case, request.POST)
    if not form.is_valid():
        return render_case(request, case, error=form.first_error())
    try:
        done = handler(case, request.user, form.cleaned_data)  # type: ignore[arg-type]
    except ServicepuntError as error:
        case.refresh_from_db()
        return render_case(request, case, error=error)
    messages.success(request, done)
    return redirect("counter:case", uuid=case.uuid)


@require_POST
@permission_required(WORK, "infoflits.run_infoflits")
def start_infoflits(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="counter.case.infoflits")
    try:
        infoflits = services.case_infoflits_start(case=case, by=request.user)
    except ServicepuntError as error:
        return render_case(request, case, error=error)
    return redirect("infoflits:flow", uuid=infoflits.uuid)
