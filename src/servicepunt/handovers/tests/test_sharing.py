"""Consent enforced where data is read: per category and per channel (the partner's handover page,
its inbox page and the partner API) the partner sees exactly what the consent shares. There is no
partner PDF or export: `handovers.sharing` is the only path to a handover's personal data, so a
later export must read it too.

Findings of the privacy review (issue 11) each have a test here, named after them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from servicepunt.accounts.roles import Role
from servicepunt.cases.services import ResidentInput, case_open, resident_register
from servicepunt.catalogue.selectors import entry_points_active, organisation_detail
from servicepunt.core.errors import InvalidInput
from servicepunt.handovers.categories import CATEGORIES, CODES, default_valid_until
from servicepunt.handovers.models import Consent, Handover
from servicepunt.handovers.services import consent_record, consent_withdraw, handover_create, handover_send
from servicepunt.handovers.sharing import shared_handover

if TYPE_CHECKING:
    from servicepunt.accounts.models import User

pytestmark = pytest.mark.django_db
ORGANISATION = "juridisch-loket"
NAME = "Zofia Nowak"
QUESTION = "Mijn huurbaas wil mij eruit zetten"
SUMMARY = "Huurbaas dreigt met ontruiming na een brief."
PHONE = "+31612345678"
EMAIL = "zofia.nowak@example.org"
POSTCODE = "3511AB"
# Infoflits answers of two life domains and of none (the person step), keyed as handovers keep them.
FACTS: dict[str, Any] = {
    "income.net_monthly_household": 1234,
    "income.savings": 5678,
    "debts.has_debts": True,
    "debts.debt_collector": True,
    "housing.rent_arrears": True,
    "housing.monthly_rent": 690,
    "person.age": 41,
}
MONEY_LABELS = (
    "Hoeveel geld komt er per maand binnen",
    "Hoeveel spaargeld heeft u samen?",
    "Heeft u schulden of betalingsachterstanden?",
    "Is er een deurwaarder of incassobureau?",
)
HOUSING_LABELS = ("Heeft u een huurachterstand?", "Hoeveel huur betaalt u per maand")
ZRM = {"geld": 2, "wonen": 3}
# What each category shows on the partner's handover page (and nothing else does).
ON_PAGE: dict[str, tuple[str, ...]] = {
    "question": (SUMMARY,),
    "phone": (PHONE,),
    "email": (EMAIL,),
    "address": (POSTCODE,),
    "communication": ("Leest moeilijk", "Tolk nodig"),
    "zrm": ("Zelfredzaamheid (ZRM",),
    "infoflits:geld": MONEY_LABELS,
    "infoflits:wonen": HOUSING_LABELS,
}
# The API fields that are null (or empty) unless the category is shared.
IN_API: dict[str, tuple[str, Any]] = {
    "question": ("summary", SUMMARY),
    "phone": ("phone", PHONE),
    "email": ("email", EMAIL),
    "address": ("address", f"{POSTCODE} 12"),
    "communication": (
        "contact",
        {"preference": "phone", "language": "pl", "interpreter": True, "reads_with_difficulty": True},
    ),
    "zrm": ("zrm", ZRM),
}
NOT_SHARED_API = {"summary": None, "question": None, "phone": None, "email": None, "address": None, "contact": None}


@pytest.fixture
def employee(make_user: Callable[..., User]) -> User:
    return make_user(Role.SERVICEPUNT)


@pytest.fixture
def partner(make_user: Callable[..., User]) -> Client:
    client = Client()
    client.force_login(make_user(Role.PARTNER, organisation=ORGANISATION))
    return client


def make_handover(employee: User, shared: list[str], *, valid_until: dt.date | None = None) -> Handover:
    """A sent handover of a resident with every kind of data, under a consent that shares `shared`."""
    resident = resident_register(
        registered_by=employee,
        data=ResidentInput(
            given_name="Zofia",
            surname="Nowak",
            phone="06 12345678",
            email=EMAIL,
            postcode=POSTCODE,
            house_number="12",
            preferred_language="pl",
            needs_interpreter=True,
            reads_with_difficulty=True,
        ),
    ).resident
    question = case_open(resident=resident, opened_by=employee, questions=[QUESTION]).questions.get()
    organisation = organisation_detail(code=ORGANISATION)
    consent = consent_record(
        resident=resident,
        organisation=organisation,
        question=question,
        shared=shared,
        method="signed",
        valid_until=valid_until or default_valid_until(timezone.localdate()),
        recorded_by=employee,
    )
    handover = handover_create(
        question=question,
        entry_point=next(ep for ep in entry_points_active() if ep.organisation_id == organisation.pk),
        consent=consent,
        summary=SUMMARY,
        created_by=employee,
        facts=FACTS,
        zrm_scores=ZRM,
    )
    return handover_send(handover=handover, by=employee)


def page_of(partner: Client, handover: Handover) -> str:
    response = partner.get(f"/overdrachten/{handover.uuid}/")
    assert response.status_code == 200
    return response.content.decode()


def api_of(partner: Client, handover: Handover) -> dict[str, Any]:
    items = [item for item in partner.get("/api/v1/handovers").json() if item["uuid"] == str(handover.uuid)]
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("category", list(ON_PAGE))
def test_each_category_shows_on_the_partner_page_only_when_consented(
    partner: Client, employee: User, category: str
) -> None:
    page = page_of(partner, make_handover(employee, [category]))
    assert NAME in page  # the name is always shared
    for code, markers in ON_PAGE.items():
        for marker in markers:
            assert (marker in page) == (code == category), (code, marker)
    assert "BSN" not in page


@pytest.mark.parametrize("category", [*IN_API, "infoflits:geld", "infoflits:wonen"])
def test_each_category_shows_in_the_partner_api_only_when_consented(
    partner: Client, employee: User, category: str
) -> None:
    item = api_of(partner, make_handover(employee, [category]))
    assert item["resident_name"] == NAME
    for code, (field, value) in IN_API.items():
        expected = value if code == category else ({} if field == "zrm" else None)
        assert item[field] == expected, field
    domain = category.removeprefix("infoflits:") if category.startswith("infoflits:") else None
    expected_facts = {
        "geld": {key: value for key, value in FACTS.items() if key.startswith(("income.", "debts."))},
        "wonen": {key: value for key, value in FACTS.items() if key.startswith("housing.")},
    }.get(domain or "", {})
    assert item["facts"] == expected_facts
    assert item["consent"]["categories"] == [code for code in CODES if code in {"name", category}]


def test_the_question_shows_in_the_inbox_only_when_consented(partner: Client, employee: User) -> None:
    make_handover(employee, [])
    inbox = partner.get("/overdrachten/").content.decode()
    assert NAME in inbox and QUESTION not in inbox and "Niet gedeeld" in inbox
    make_handover(employee, ["question"])
    assert QUESTION in partner.get("/overdrachten/").content.decode()
    assert [item["question"] for item in partner.get("/api/v1/handovers").json()] == [QUESTION, None]


def test_documents_share_nothing_the_app_does_not_hold(partner: Client, employee: User) -> None:
    """The category exists; the app holds no documents of residents, so it adds nothing."""
    only_name = make_handover(employee, [])
    documents = make_handover(employee, ["documents"])
    assert next(info for info in CATEGORIES if info.code == "documents").held is False
    strip = {"uuid", "created_at", "consent"}
    assert {k: v for k, v in api_of(partner, documents).items() if k not in strip} == {
        k: v for k, v in api_of(partner, only_name).items() if k not in strip
    }


# --- the findings ---------------------------------------------------------------------------------


def test_finding_only_the_name_no_phone_number(partner: Client, employee: User) -> None:
    """'Alleen de naam. GEEN telefoonnummer': the partner sees the name, not the phone."""
    handover = make_handover(employee, [])
    page = page_of(partner, handover)
    assert NAME in page and PHONE not in page and "0612345678" not in page
    item = api_of(partner, handover)
    assert item["resident_name"] == NAME and item["phone"] is None
    assert {key: item[key] for key in NOT_SHARED_API} == NOT_SHARED_API and item["facts"] == {}


def test_finding_name_phone_and_question_not_the_infoflits(partner: Client, employee: User) -> None:
    """'Naam, telefoon en de vraag; NIET de infoflits': no income, savings, debts, bailiff, housing
    answers, e-mail address or 'leest moeilijk' on the page or in the API."""
    handover = make_handover(employee, ["phone", "question"])
    page = page_of(partner, handover)
    assert NAME in page and PHONE in page and SUMMARY in page
    amounts = ("<dd>1234</dd>", "<dd>5678</dd>")
    for hidden in (*MONEY_LABELS, *HOUSING_LABELS, *amounts, EMAIL, "Leest moeilijk", "Uit de infoflits"):
        assert hidden not in page, hidden
    item = api_of(partner, handover)
    assert item["phone"] == PHONE and item["summary"] == SUMMARY and item["question"] == QUESTION
    assert item["facts"] == {} and item["email"] is None and item["contact"] is None and item["zrm"] == {}


def test_the_api_action_answers_with_the_same_cut(partner: Client, employee: User) -> None:
    handover = make_handover(employee, ["phone"])
    accepted = partner.post(f"/api/v1/handovers/{handover.uuid}/accept", {}, content_type="application/json").json()
    assert accepted["state"] == "geaccepteerd" and accepted["phone"] == PHONE
    assert accepted["email"] is None and accepted["facts"] == {} and accepted["summary"] is None


def test_withdrawal_hides_everything_at_once(partner: Client, employee: User) -> None:
    handover = make_handover(employee, [*CODES, "infoflits:geld"])
    assert EMAIL in page_of(partner, handover)
    consent_withdraw(consent=handover.consent, withdrawn_by=employee)
    assert partner.get(f"/overdrachten/{handover.uuid}/").status_code == 404
    assert NAME not in partner.get("/overdrachten/").content.decode()
    assert partner.get("/api/v1/handovers").json() == []
    assert (
        partner.post(f"/api/v1/handovers/{handover.uuid}/accept", {}, content_type="application/json").status_code
        == 404
    )
    # And the one place that cuts, should a withdrawn handover reach it, shares nothing at all.
    cut = shared_handover(Handover.objects.select_related("consent", "question__case__resident").get(pk=handover.pk))
    assert (cut.resident_name, cut.phone, cut.email, cut.summary, cut.facts, cut.zrm) == ("", None, None, None, {}, {})


def test_an_expired_consent_is_flagged_and_shares_only_the_name(
    partner: Client, employee: User, client: Client
) -> None:
    handover = make_handover(employee, ["phone", "email", "question", "infoflits:geld"])
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Consent.objects.filter(pk=handover.consent_id).update(valid_until=yesterday)  # time passed
    page = page_of(partner, handover)
    assert 'id="consent-expired"' in page and NAME in page
    for hidden in (PHONE, EMAIL, SUMMARY, *MONEY_LABELS):
        assert hidden not in page, hidden
    assert "Toestemming verlopen" in partner.get("/overdrachten/").content.decode()
    item = api_of(partner, handover)
    assert item["consent"]["expired"] is True and item["consent"]["valid_until"] == yesterday.isoformat()
    assert item["phone"] is None and item["email"] is None and item["summary"] is None and item["facts"] == {}
    client.force_login(employee)  # the staff see it flagged on the case page
    case_page = client.get(f"/vraagstukken/{handover.question.case.uuid}/").content.decode()
    assert "Verlopen: de organisatie ziet alleen de naam" in case_page


def test_the_partner_page_names_what_the_consent_shares_and_until_when(partner: Client, employee: User) -> None:
    page = page_of(partner, make_handover(employee, ["phone", "infoflits:wonen"]))
    assert "Telefoonnummer" in page and "Antwoorden uit de infoflits over: Wonen" in page
    assert "E-mailadres" not in page


# --- the consent record ---------------------------------------------------------------------------


def test_a_consent_refuses_unknown_categories_domains_methods_and_past_dates(employee: User) -> None:
    handover = make_handover(employee, [])
    question, resident = handover.question, handover.question.case.resident
    organisation = organisation_detail(code=ORGANISATION)
    good: dict[str, Any] = {
        "resident": resident,
        "organisation": organisation,
        "question": question,
        "shared": ["phone"],
        "method": "verbal",
        "valid_until": timezone.localdate(),
        "recorded_by": employee,
    }
    for change, field in (
        ({"shared": ["bsn"]}, "shared"),
        ({"shared": ["infoflits:maan"]}, "shared"),
        ({"method": ""}, "consent_method"),
        ({"method": "telepathy"}, "consent_method"),
        ({"valid_until": None}, "valid_until"),
        ({"valid_until": timezone.localdate() - dt.timedelta(days=1)}, "valid_until"),
    ):
        with pytest.raises(InvalidInput) as caught:
            consent_record(**{**good, **change})
        assert caught.value.field == field, change
    consent = consent_record(**good)
    assert consent.categories == ["name", "phone"] and consent.infoflits_domains == []


@pytest.mark.parametrize(
    "values",
    [
        {"categories": ["name", "bsn"]},
        {"categories": ["phone"]},  # without the name
        {"categories": {"name": True}},
        {"infoflits_domains": "geld"},
        {"method": "telepathy"},
    ],
)
def test_the_database_refuses_a_consent_that_breaks_the_rules(employee: User, values: dict[str, Any]) -> None:
    consent = make_handover(employee, []).consent
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.filter(pk=consent.pk).update(**values)


def test_the_database_refuses_two_handovers_on_one_consent(employee: User) -> None:
    first = make_handover(employee, ["phone"])
    second = make_handover(employee, [])
    with pytest.raises(IntegrityError), transaction.atomic():
        Handover.objects.filter(pk=second.pk).update(consent=first.consent)
    with pytest.raises(InvalidInput) as caught:
        handover_create(
            question=first.question,
            entry_point=first.entry_point,
            consent=first.consent,
            summary="nog een keer",
            created_by=employee,
        )
    assert caught.value.field == "consent"


def test_communication_is_stored_on_the_handover_only_when_consented(employee: User) -> None:
    """Data minimisation: what the partner may not see is not kept on the handover either."""
    assert make_handover(employee, ["question"]).contact == {}
    assert make_handover(employee, ["question", "communication"]).contact == {
        "preference": "phone",
        "language": "pl",
        "interpreter": True,
        "reads_with_difficulty": True,
    }
