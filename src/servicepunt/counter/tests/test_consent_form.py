"""The consent part of the handover form on the case page: nothing beyond the name and the question
ticked, no consent method chosen for the employee (and the chosen one visibly checked), an end
date, and every handover its own consent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.selectors import case_get
from servicepunt.cases.services import question_add
from servicepunt.catalogue.selectors import entry_points_active
from servicepunt.handovers.selectors import consents_for_resident, handovers_for_case

if TYPE_CHECKING:
    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case
    from servicepunt.catalogue.models import EntryPoint

pytestmark = pytest.mark.django_db
REGISTRATION = {
    "given_name": "Ans",
    "surname": "Visser",
    "contact_preference": "phone",
    "phone": "06 12345678",
    "email": "ans.visser@example.org",
    "preferred_language": "nl",
    "question": "Ik heb een brief van de deurwaarder",
}


def _case(client: Client, by: User) -> Case:
    response = client.post("/inwoners/nieuw/", REGISTRATION)
    assert response.status_code == 302
    return case_get(user=by, uuid=response["Location"].split("/")[-2], screen="test")


def _entry_point() -> EntryPoint:
    return next(ep for ep in entry_points_active() if ep.organisation.code == "juridisch-loket")


def _inputs(page: str, name: str) -> list[str]:
    return re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)


def test_no_consent_method_is_chosen_for_the_employee_and_the_choice_is_visible(client: Client, employee: User) -> None:
    page = client.get(f"/vraagstukken/{_case(client, employee).uuid}/").content.decode()
    radios = _inputs(page, "consent_method")
    assert len(radios) == 4  # verbal, signed, representative, video
    assert not [radio for radio in radios if " checked" in radio]
    # The html-input modifier gives the checked radio its look (utrecht-radio-button--html-input:checked).
    assert all("utrecht-radio-button--html-input" in radio and " required" in radio for radio in radios)
    assert "Door een vertegenwoordiger" in page and "Via videobellen" in page


def test_only_the_name_and_the_question_are_ticked_and_the_end_date_is_the_default(
    client: Client, employee: User
) -> None:
    page = client.get(f"/vraagstukken/{_case(client, employee).uuid}/").content.decode()
    boxes = _inputs(page, "shared")
    ticked = [re.search(r'value="([^"]+)"', box).group(1) for box in boxes if " checked" in box]  # type: ignore[union-attr]
    assert ticked == ["name", "question"]
    assert any('value="infoflits:geld"' in box for box in boxes) and any('value="zrm"' in box for box in boxes)
    assert not any('value="documents"' in box for box in boxes)  # no documents are held: not offered
    default = timezone.localdate() + dt.timedelta(days=settings.SERVICEPUNT_CONSENT_VALID_DAYS)
    assert f'name="valid_until" value="{default:%Y-%m-%d}"' in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"consent_method": ""}, "Kies hoe de inwoner toestemming gaf."),
        ({"consent_method": "telepathy"}, "Kies hoe de inwoner toestemming gaf."),
        ({"valid_until": ""}, "Vul in tot wanneer de toestemming geldt."),
        ({"valid_until": "2001-01-01"}, "De datum ‘geldig tot’ ligt in het verleden."),
        ({"shared": ["bsn"]}, "Kies alleen gegevens uit de lijst."),
    ],
)
def test_the_consent_is_refused_with_a_clear_error_and_nothing_is_sent(
    client: Client, employee: User, change: dict[str, object], message: str
) -> None:
    case = _case(client, employee)
    post = {
        "question": case.questions.get().uuid,
        "entry_point": _entry_point().pk,
        "summary": "Brief van de deurwaarder",
        "shared": ["question"],
        "consent_method": "verbal",
        "valid_until": "2099-12-31",
        **change,
    }
    response = client.post(f"/vraagstukken/{case.uuid}/overdracht/", post)
    assert response.status_code == 400 and message in response.content.decode()
    assert not handovers_for_case(case=case) and not consents_for_resident(resident=case.resident)


def test_finding_a_second_handover_never_reuses_an_older_consent(
    client: Client, employee: User, make_user: Callable[..., User]
) -> None:
    """The second handover to the same organisation, with nothing ticked, gets its own consent
    (the name only), not the first one's phone and e-mail."""
    case = _case(client, employee)
    first_question = case.questions.get()
    second_question = question_add(case=case, text="Mijn werkgever betaalt niet", by=employee)
    base = {
        "entry_point": _entry_point().pk,
        "summary": "Vraag",
        "consent_method": "verbal",
        "valid_until": "2099-12-31",
    }
    first = client.post(
        f"/vraagstukken/{case.uuid}/overdracht/",
        {**base, "question": first_question.uuid, "shared": ["question", "phone", "email"]},
    )
    second = client.post(f"/vraagstukken/{case.uuid}/overdracht/", {**base, "question": second_question.uuid})
    assert first.status_code == second.status_code == 302
    handovers = {h.question_id: h for h in handovers_for_case(case=case)}
    one, two = handovers[first_question.pk].consent, handovers[second_question.pk].consent
    assert one.pk != two.pk and len(consents_for_resident(resident=case.resident)) == 2
    assert one.categories == ["name", "question", "phone", "email"] and two.categories == ["name"]
    assert one.question_id == first_question.pk and two.question_id == second_question.pk
    partner = Client()
    partner.force_login(make_user(Role.PARTNER))
    page = partner.get(f"/overdrachten/{handovers[second_question.pk].uuid}/").content.decode()
    assert "Ans Visser" in page and "+31612345678" not in page and "ans.visser@example.org" not in page


def test_the_case_page_lists_each_consent_in_plain_words(client: Client, employee: User) -> None:
    case = _case(client, employee)
    client.post(
        f"/vraagstukken/{case.uuid}/overdracht/",
        {
            "question": case.questions.get().uuid,
            "entry_point": _entry_point().pk,
            "summary": "Brief",
            "shared": ["phone", "infoflits:geld"],
            "consent_method": "representative",
            "valid_until": "2099-12-31",
        },
    )
    page = client.get(f"/vraagstukken/{case.uuid}/").content.decode()
    consents = page[page.index('id="consents"') :]
    assert "Naam, Telefoonnummer, Antwoorden uit de infoflits over: Geld en schulden" in consents
    assert "Door een vertegenwoordiger" in consents and "geldig tot en met 31 Dec 2099" in consents
