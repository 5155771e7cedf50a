"""The counter pages drive the domain: registering, finding, the case page and its actions,
the closing rule's refusal naming the open questions, and the access log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.audit.testing import access_log_rows
from servicepunt.cases.selectors import bsn_masked
from servicepunt.cases.services import NOTE_LENGTH, QUESTION_LENGTH, SHORT_TEXT, question_add, task_create
from servicepunt.cases.testing import CaseStatus, case_rows, note_rows, question_rows, resident_rows, task_rows
from servicepunt.catalogue.testing import entry_point_rows, product_rows
from servicepunt.handovers.testing import handover_rows
from servicepunt.infoflits.services import suggestion_decide
from servicepunt.infoflits.testing import Decision

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

pytestmark = pytest.mark.django_db
TEST_BSN = "999990019"
REGISTRATION = {
    "given_name": "Ans",
    "surname": "Visser",
    "contact_preference": "phone",
    "phone": "06 12345678",
    "preferred_language": "nl",
    "postcode": "3511 ab",
    "house_number": "12",
    "question": "Ik heb een brief van de deurwaarder",
}


def _register(client: Client, **changes: str) -> Case:
    response = client.post("/inwoners/nieuw/", {**REGISTRATION, **changes})
    assert response.status_code == 302, response.content.decode()[:500]
    return case_rows().get(uuid=response["Location"].split("/")[-2])


def test_registering_opens_a_case_with_the_question_in_the_residents_words(client: Client) -> None:
    case = _register(client)
    assert case.resident.phone == "+31612345678" and case.resident.postcode == "3511AB"
    assert [q.text for q in case.questions.all()] == ["Ik heb een brief van de deurwaarder"]
    assert case.status == CaseStatus.OPEN


def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(client: Client) -> None:
    response = client.post("/inwoners/nieuw/", {**REGISTRATION, "phone": "12", "bsn": "123456789"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_phone"' in page or 'href="#id_bsn"' in page
    assert not resident_rows().exists()


def test_a_possible_duplicate_is_shown_before_registering_again(client: Client) -> None:
    _register(client)
    response = client.post("/inwoners/nieuw/", {**REGISTRATION, "given_name": "Anna"})
    assert response.status_code == 200
    assert "Is dit dezelfde persoon?" in response.content.decode()
    assert resident_rows().count() == 1
    confirmed = client.post("/inwoners/nieuw/", {**REGISTRATION, "given_name": "Anna", "not_a_duplicate": "on"})
    assert confirmed.status_code == 302 and resident_rows().count() == 2


def test_search_finds_by_postcode_and_exact_bsn_only(client: Client) -> None:
    _register(client, bsn=TEST_BSN)
    assert "Visser" in client.post("/inwoners/", {"postcode": "3511AB", "house_number": "12"}).content.decode()
    assert "Visser" in client.post("/inwoners/", {"bsn": TEST_BSN}).content.decode()
    assert "Visser" not in client.post("/inwoners/", {"bsn": "999990020"}).content.decode()


def test_bsn_is_masked_and_revealed_only_with_a_logged_purpose(client: Client, employee: User) -> None:
    resident = _register(client, bsn=TEST_BSN).resident
    page = client.get(f"/inwoners/{resident.uuid}/").content.decode()
    assert TEST_BSN not in page and bsn_masked(resident) in page
    for purpose in ("", "kwijt\x00schelding", "x" * 201):  # NUL once reached PostgreSQL (a 500)
        refused = client.post(f"/inwoners/{resident.uuid}/bsn/", {"purpose": purpose})
        assert refused.status_code == 302 and TEST_BSN not in client.get(refused["Location"]).content.decode()
    assert not access_log_rows().filter(subject_type="resident.bsn").exists()
    shown = client.post(f"/inwoners/{resident.uuid}/bsn/", {"purpose": "aanvraag kwijtschelding"})
    assert TEST_BSN in shown.content.decode()
    assert (
        access_log_rows().filter(user=employee, subject_type="resident.bsn", purpose="aanvraag kwijtschelding").exists()
    )


def test_viewing_a_case_is_written_to_the_access_log(client: Client, employee: User) -> None:
    case = _register(client)
    before = access_log_rows().count()
    client.get(f"/vraagstukken/{case.uuid}/")
    entry = access_log_rows().first()
    assert access_log_rows().count() == before + 1
    assert entry is not None
    assert (entry.user, entry.subject_id, entry.screen) == (employee, str(case.resident.uuid), "counter.case")


def test_closing_is_refused_naming_the_open_questions_then_allowed(client: Client) -> None:
    case = _register(client)
    refused = client.post(f"/vraagstukken/{case.uuid}/afsluiten/", {"reason": "all_arranged"})
    assert refused.status_code == 409
    assert "Ik heb een brief van de deurwaarder" in refused.content.decode()
    question = case.questions.get()
    client.post(f"/vraagstukken/{case.uuid}/afhandelen/", {"question": question.uuid, "resolution": "answered"})
    closed = client.post(f"/vraagstukken/{case.uuid}/afsluiten/", {"reason": "all_arranged"})
    assert closed.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_handover_records_consent_and_sends_with_the_relevant_facts(client: Client) -> None:
    case = _register(client)
    question = case.questions.get()
    entry_point = entry_point_rows().filter(organisation__code="juridisch-loket").first()
    assert entry_point is not None
    missing = client.post(
        f"/vraagstukken/{case.uuid}/overdracht/",
        {
            "question": question.uuid,
            "entry_point": entry_point.pk,
            "summary": "x",
            "shared": ["phone"],
            "valid_until": "2099-01-01",
        },
    )
    # No consent method chosen: refused, and the page says which field.
    assert missing.status_code == 400 and not handover_rows().exists()
    assert "Kies hoe de inwoner toestemming gaf." in missing.content.decode()
    response = client.post(
        f"/vraagstukken/{case.uuid}/overdracht/",
        {
            "question": question.uuid,
            "entry_point": entry_point.pk,
            "summary": "Brief van de deurwaarder over de huur",
            "shared": ["question", "phone"],
            "consent_method": "verbal",
            "valid_until": "2099-01-01",
        },
    )
    assert response.status_code == 302
    handover = handover_rows().get()
    assert handover.state == "verstuurd" and handover.consent.categories == ["name", "question", "phone"]
    # The communication category is not consented, so how to reach the resident is not even stored.
    assert handover.contact == {}


def test_accepted_infoflits_suggestions_become_questions(client: Client, employee: User) -> None:
    case = _register(client)
    client.post(f"/vraagstukken/{case.uuid}/infoflits/")
    case.refresh_from_db()
    assert case.infoflits is not None
    suggestion_decide(
        infoflits=case.infoflits, product_code="huurtoeslag", decision=Decision.ACCEPTED, decided_by=employee
    )
    page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    assert "Als vraag toevoegen" in page
    client.post(f"/vraagstukken/{case.uuid}/voorstel/", {"product": "huurtoeslag"})
    assert case.questions.filter(product__code="huurtoeslag").exists()


def test_tasks_contact_moments_and_notes(client: Client, employee: User) -> None:
    case = _register(client)
    due = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    assert (
        client.post(
            f"/vraagstukken/{case.uuid}/taak/",
            {
                "kind": "call_back",
                "description": "Terugbellen over de brief",
                "due": due,
                "assignee": f"user:{employee.pk}",
            },
        ).status_code
        == 302
    )
    refused = client.post(
        f"/vraagstukken/{case.uuid}/contact/", {"channel": "video_wijkbureau", "outcome": "Gesproken"}
    )
    assert refused.status_code == 400 and "wijkbureau" in refused.content.decode()
    client.post(
        f"/vraagstukken/{case.uuid}/contact/",
        {"channel": "video_wijkbureau", "wijkbureau": "Overvecht", "outcome": "Gesproken", "language": "nl"},
    )
    client.post(f"/vraagstukken/{case.uuid}/notitie/", {"text": "Neemt zoon mee als tolk"})
    page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    assert "Terugbellen over de brief" in page and "Overvecht" in page and "Neemt zoon mee als tolk" in page
    task = task_rows().get()
    client.post(f"/vraagstukken/{case.uuid}/taak-klaar/", {"task": task.pk})
    task.refresh_from_db()
    assert task.done_at is not None


def test_worklist_shows_my_open_cases_and_overdue_tasks_first(client: Client, employee: User) -> None:
    case = _register(client)
    task_create(
        case=case,
        created_by=employee,
        kind="follow_up",
        description="Later",
        due=timezone.localdate() + dt.timedelta(days=5),
        assigned_to=employee,
    )
    task_create(
        case=case,
        created_by=employee,
        kind="call_back",
        description="Te laat",
        due=timezone.localdate() - dt.timedelta(days=1),
        team=Role.SERVICEPUNT.value,
    )
    page = client.get("/werkvoorraad/").content.decode()
    assert page.index("Te laat") < page.index("Later")
    assert "Visser" in page


def test_case_page_queries_do_not_grow_with_the_case(client: Client, employee: User) -> None:
    case = _register(client)
    product = product_rows().get(code="huurtoeslag")
    case.questions.update(product=product)
    with CaptureQueriesContext(connection) as small:
        client.get(f"/vraagstukken/{case.uuid}/")
    for number in range(6):
        question = question_add(case=case, text=f"Vraag {number}", by=employee)
        question_rows().filter(pk=question.pk).update(product=product)
        task_create(
            case=case,
            created_by=employee,
            kind="follow_up",
            description="x",
            due=timezone.localdate(),
            assigned_to=employee,
        )
    with CaptureQueriesContext(connection) as large:
        client.get(f"/vraagstukken/{case.uuid}/")
    assert len(large) == len(small)


def test_withdrawing_consent_hides_the_handover_from_the_partner(client: Client) -> None:
    case = _register(client)
    entry_point = entry_point_rows().filter(organisation__code="juridisch-loket").first()
    assert entry_point is not None
    client.post(
        f"/vraagstukken/{case.uuid}/overdracht/",
        {
            "question": case.questions.get().uuid,
            "entry_point": entry_point.pk,
            "summary": "Brief van de deurwaarder",
            "shared": ["question"],
            "consent_method": "signed",
            "valid_until": "2099-01-01",
        },
    )
    consent = handover_rows().get().consent
    assert (
        client.post(f"/vraagstukken/{case.uuid}/toestemming-intrekken/", {"consent": consent.uuid}).status_code == 302
    )
    consent.refresh_from_db()
    assert not consent.active
    assert "ingetrokken op" in client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    again = client.post(f"/vraagstukken/{case.uuid}/toestemming-intrekken/", {"consent": consent.uuid})
    assert again.status_code == 400


def test_search_by_full_name_with_a_surname_prefix(client: Client) -> None:
    _register(client, given_name="Sanne", surname_prefix="de", surname="Vries")
    assert "Vries" in client.post("/inwoners/", {"name": "Sanne de Vries"}).content.decode()


def test_search_results_and_worklist_are_written_to_the_access_log(client: Client, employee: User) -> None:
    case = _register(client)
    client.post("/inwoners/", {"name": "Visser"})
    client.get("/werkvoorraad/")
    screens = set(
        access_log_rows().filter(user=employee, subject_id=str(case.resident.uuid)).values_list("screen", flat=True)
    )
    assert {"counter.resident_search", "counter.worklist"} <= screens


TASK = {
    "kind": "follow_up",
    "description": "Bellen",
    "due": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
    "assignee": "team:servicepunt-medewerker",
}


@pytest.mark.parametrize(
    ("action", "values", "words"),
    [
        ("notitie", {"text": "x" * (NOTE_LENGTH + 1)}, f"hoogstens {NOTE_LENGTH}"),
        ("notitie", {"text": "Gebeld\x00"}, "NUL"),
        ("vraag", {"text": "v" * (QUESTION_LENGTH + 1)}, f"hoogstens {QUESTION_LENGTH}"),
        (
            "taak",
            {
                "kind": "follow_up",
                "description": "t" * (SHORT_TEXT + 1),
                "due": "2026-12-10",
                "assignee": "servicepunt",
            },
            f"hoogstens {SHORT_TEXT}",
        ),
        (
            "taak",
            {"kind": "follow_up", "description": "Bellen", "due": "9999-12-31", "assignee": "servicepunt"},
            "datum",
        ),
        ("taak", {"kind": "follow_up", "description": "Bellen", "due": "2026-12-10", "assignee": "999999"}, "Kies"),
    ],
)
def test_case_actions_refuse_bad_input_naming_it_and_save_nothing(
    client: Client, action: str, values: dict[str, str], words: str
) -> None:
    """Text too long or with a NUL was once cut at 300 characters or reached the database (a
    500 on PostgreSQL), a task could go to any user id or be due in 9999; now the page says what
    is wrong and nothing is written."""
    case = _register(client)
    events = case.events.count()
    response = client.post(f"/vraagstukken/{case.uuid}/{action}/", values)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert case.events.count() == events
    assert not note_rows().filter(case=case).exists() and not task_rows().filter(case=case).exists()
    assert case.questions.count() == 1
    assert client.post(f"/vraagstukken/{case.uuid}/taak/", TASK).status_code == 302  # the same, right, is kept
    assert task_rows().filter(case=case).count() == 1
