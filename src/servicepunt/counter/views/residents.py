"""Finding and registering residents, and the resident page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from servicepunt.accounts.http import AuthenticatedRequest
from servicepunt.audit.services import access_record_many
from servicepunt.cases import selectors, services
from servicepunt.core.access import permission_required
from servicepunt.core.errors import InvalidInput
from servicepunt.counter.forms import ResidentForm, ResidentSearchForm

if TYPE_CHECKING:
    from servicepunt.cases.models import Resident

WORK = "cases.work_cases"


@permission_required(WORK)
def search(request: AuthenticatedRequest) -> HttpResponse:
    """Search residents. The criteria are POSTed, never read from the query string: a name, birth
    date, phone number or BSN must not end up in a URL, the browser history or a server log."""
    form = ResidentSearchForm(request.POST if request.method == "POST" else None)
    results = None
    if form.has_criteria():
        try:
            results = list(
                selectors.resident_search(within=selectors.residents_visible(request.user), **form.cleaned_data)
            )
        except InvalidInput as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            access_record_many(
                user=request.user,
                subject_type="resident",
                subject_ids=[str(resident.uuid) for resident in results],
                screen="counter.resident_search",
                purpose=selectors.ACCESS_PURPOSE,
            )
    return render(request, "counter/resident_search.html", {"form": form, "results": results})


def _form_field(form: ResidentForm, field: str | None) -> str | None:
    """The form field a service refusal names ("questions" is the form's one "question")."""
    field = "question" if field == "questions" else field
    return field if field in form.fields else None


@permission_required(WORK)
def register(request: AuthenticatedRequest) -> HttpResponse:
    """Register a resident. The duplicate check shows only residents this user may see; the page
    says to contact the Servicepunt whatever it found, so it reveals no one else (see
    `cases.services.resident_duplicates_check`)."""
    form = ResidentForm(request.POST or None)
    context: dict[str, object] = {"form": form, "may_see_all": request.user.has_perm("cases.view_all_cases")}
    if request.method == "POST" and form.is_valid():
        data = form.resident_input()
        try:
            duplicates = services.resident_duplicates_check(
                user=request.user, data=data, screen="counter.resident_register"
            )
            if duplicates and not form.cleaned_data["not_a_duplicate"]:
                return render(request, "counter/resident_register.html", {**context, "duplicates": duplicates})
            registration = services.resident_register_with_case(
                registered_by=request.user, data=data, question=form.cleaned_data["question"]
            )
        except services.BsnAlreadyRegistered as error:
            form.add_error("bsn", error.message)
            context["bsn_owner"] = error.existing
        except InvalidInput as error:
            form.add_error(_form_field(form, error.field), error.message)
        else:
            assert registration.case is not None
            messages.success(request, _("Inwoner geregistreerd en vraagstuk geopend."))
            return redirect("counter:case", uuid=registration.case.uuid)
    status = 400 if request.method == "POST" else 200
    return render(request, "counter/resident_register.html", context, status=status)


def _resident_page(request: AuthenticatedRequest, resident: Resident, **extra: str) -> HttpResponse:
    context = {
        "resident": resident,
        "cases": selectors.cases_visible(request.user).filter(resident=resident).order_by("-opened_at"),
        "representatives": resident.representatives.all(),
        **extra,
    }
    return render(request, "counter/resident_detail.html", context)


@permission_required(WORK)
def detail(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    resident = selectors.resident_get(user=request.user, uuid=uuid, screen="counter.resident")
    return _resident_page(request, resident, bsn_masked=selectors.bsn_masked(resident))


@require_POST
@permission_required(WORK)
def open_case(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    resident = selectors.resident_get(user=request.user, uuid=uuid, screen="counter.case_open")
    try:
        case = services.case_open(
            resident=resident, opened_by=request.user, questions=[request.POST.get("question", "")]
        )
    except InvalidInput as error:
        messages.error(request, error.message)
        return redirect("counter:resident", uuid=resident.uuid)
    return redirect("counter:case", uuid=case.uuid)


@require_POST
@permission_required(WORK)
def reveal_bsn(request: AuthenticatedRequest, uuid: str) -> HttpResponse:
    resident = selectors.resident_get(user=request.user, uuid=uuid, screen="counter.bsn_reveal")
    try:
        bsn = services.resident_bsn_reveal(
            user=request.user, resident=resident, screen="counter.bsn_reveal", purpose=request.POST.get("purpose", "")
        )
    except InvalidInput as error:
        messages.error(request, error.message)
        return redirect("counter:resident", uuid=resident.uuid)
    return _resident_page(request, resident, bsn_full=bsn)
