"""The case page and its actions. Each action is a POST that calls one service; bad input
re-renders the page with the message and the field it is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.models import User
from servicepunt.cases import selectors, services
from servicepunt.cases.closing import Resolution
from servicepunt.cases.models import Case, Question, Task
from servicepunt.catalogue.models import EntryPoint, Product
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.handovers.models import Consent
from servicepunt.handovers.services import consent_withdraw, handover_start
from servicepunt.workspace.presentation import case_context

WORK = "cases.work_cases"


def _render_case(request: HttpRequest, case: Case, *, error: ServicepuntError | None = None) -> HttpResponse:
    context = case_context(case, today=timezone.localdate())
    context["error"] = error
    return render(request, "workspace/case_detail.html", context, status=error.status if error else 200)


@permission_required(WORK)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.case")
    return _render_case(request, case)


def _question(case: Case, post: QueryDict) -> Question:
    return get_object_or_404(Question, case=case, uuid=post.get("question", ""))


def _date(raw: str | None, field: str) -> dt.date | None:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise InvalidInput(_("Vul een geldige datum in."), field=field) from error


def _product(code: str | None) -> Product | None:
    return Product.objects.filter(code=code, active=True).first() if code else None


def _add_question(case: Case, user: Any, post: QueryDict) -> str:
    services.question_add(case=case, text=post.get("text", ""), by=user)
    return _("Vraag toegevoegd.")


def _link_question(case: Case, user: Any, post: QueryDict) -> str:
    services.question_link(question=_question(case, post), product=_product(post.get("product")), by=user)
    return _("Product gekoppeld.")


def _resolve_question(case: Case, user: Any, post: QueryDict) -> str:
    allowed = {Resolution.ANSWERED.value, Resolution.DECLINED.value}
    resolution = post.get("resolution", "")
    if resolution not in allowed:
        raise InvalidInput(_("Kies ‘direct beantwoord’ of ‘inwoner ziet ervan af’."), field="resolution")
    services.question_resolve(
        question=_question(case, post), resolution=Resolution(resolution), by=user, detail=post.get("detail", "")
    )
    return _("Vraag afgehandeld.")


def _reopen_question(case: Case, user: Any, post: QueryDict) -> str:
    reason = post.get("reason", "").strip()
    if not reason:
        raise InvalidInput(_("Geef een reden om de vraag opnieuw te openen."), field="reason")
    services.question_reopen(question=_question(case, post), by=user, reason=reason)
    return _("Vraag staat weer open.")


def _add_suggestion(case: Case, user: Any, post: QueryDict) -> str:
    product = _product(post.get("product"))
    if product is None:
        raise InvalidInput(_("Kies een product."), field="product")
    services.question_from_suggestion(case=case, product=product, by=user)
    return _("Extra product toegevoegd als vraag.")


def _handover(case: Case, user: Any, post: QueryDict) -> str:
    entry_point = EntryPoint.objects.filter(pk=post.get("entry_point") or 0, active=True).first()
    if entry_point is None:
        raise InvalidInput(_("Kies het loket waar de inwoner terecht kan."), field="entry_point")
    handover_start(
        question=_question(case, post),
        entry_point=entry_point,
        what_is_shared=post.get("what_is_shared", ""),
        consent_method=post.get("consent_method", ""),
        summary=post.get("summary", ""),
        by=user,
    )
    return _("Toestemming vastgelegd en overdracht verstuurd.")


def _task(case: Case, user: Any, post: QueryDict) -> str:
    assignee = post.get("assignee", "")
    assigned_to = User.objects.filter(pk=assignee[len("user:") :]).first() if assignee.startswith("user:") else None
    team = assignee[len("team:") :] if assignee.startswith("team:") else ""
    services.task_create(
        case=case,
        created_by=user,
        kind=post.get("kind", ""),
        description=post.get("description", ""),
        due=_date(post.get("due"), "due"),
        assigned_to=assigned_to,
        team=team,
    )
    return _("Taak gemaakt.")


def _task_done(case: Case, user: Any, post: QueryDict) -> str:
    services.task_done(task=get_object_or_404(Task, case=case, pk=post.get("task") or 0), by=user)
    return _("Taak afgerond.")


def _contact(case: Case, user: Any, post: QueryDict) -> str:
    services.contact_moment_record(
        case=case,
        employee=user,
        channel=post.get("channel", ""),
        outcome=post.get("outcome", ""),
        wijkbureau=post.get("wijkbureau", ""),
        language=post.get("language", "nl"),
        interpreter=post.get("interpreter") == "on",
    )
    return _("Contactmoment vastgelegd.")


def _note(case: Case, user: Any, post: QueryDict) -> str:
    services.note_add(case=case, text=post.get("text", ""), by=user)
    return _("Notitie opgeslagen.")


def _representative(case: Case, user: Any, post: QueryDict) -> str:
    services.representative_add(
        case=case,
        by=user,
        name=post.get("name", ""),
        kind=post.get("kind", ""),
        phone=post.get("phone", ""),
        email=post.get("email", ""),
    )
    return _("Vertegenwoordiger vastgelegd.")


def _withdraw_consent(case: Case, user: Any, post: QueryDict) -> str:
    consent = get_object_or_404(Consent, resident=case.resident, uuid=post.get("consent", ""))
    consent_withdraw(consent=consent, withdrawn_by=user)
    return _("Toestemming ingetrokken. De organisatie ziet de gegevens niet meer.")


def _close(case: Case, user: Any, post: QueryDict) -> str:
    services.case_close(case=case, closed_by=user, reason=post.get("reason", ""))
    return _("Vraagstuk afgesloten.")


def _reopen(case: Case, user: Any, post: QueryDict) -> str:
    services.case_reopen(case=case, by=user, reason=post.get("reason", ""))
    return _("Vraagstuk opnieuw geopend.")


ACTIONS: dict[str, Callable[[Case, Any, QueryDict], str]] = {
    "vraag": _add_question,
    "koppel": _link_question,
    "afhandelen": _resolve_question,
    "heropen-vraag": _reopen_question,
    "voorstel": _add_suggestion,
    "overdracht": _handover,
    "taak": _task,
    "taak-klaar": _task_done,
    "contact": _contact,
    "notitie": _note,
    "vertegenwoordiger": _representative,
    "toestemming-intrekken": _withdraw_consent,
    "afsluiten": _close,
    "heropenen": _reopen,
}


@require_POST
@permission_required(WORK)
def act(request: HttpRequest, uuid: str, action: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen=f"workspace.case.{action}")
    handler = ACTIONS.get(action)
    if handler is None:
        return _render_case(request, case, error=InvalidInput(_("Onbekende actie."), field="action"))
    try:
        done = handler(case, request.user, request.POST)
    except ServicepuntError as error:
        case.refresh_from_db()
        return _render_case(request, case, error=error)
    messages.success(request, done)
    return redirect("workspace:case", uuid=case.uuid)


@require_POST
@permission_required(WORK, "infoflits.run_infoflits")
def start_infoflits(request: HttpRequest, uuid: str) -> HttpResponse:
    case = selectors.case_get(user=request.user, uuid=uuid, screen="workspace.case.infoflits")
    try:
        infoflits = services.case_infoflits_start(case=case, by=request.user)
    except ServicepuntError as error:
        return _render_case(request, case, error=error)
    return redirect("infoflits:flow", uuid=infoflits.uuid)
