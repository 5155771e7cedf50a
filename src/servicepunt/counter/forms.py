"""Forms of the counter pages: they parse and label input; the services validate and decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.accounts.selectors import user_active
from servicepunt.cases.choices import ClosingReason, ContactChannel, ContactPreference, RepresentativeKind, TaskKind
from servicepunt.cases.closing import Resolution
from servicepunt.cases.selectors import questions_none, tasks_none
from servicepunt.cases.services import NOTE_LENGTH, QUESTION_LENGTH, SHORT_TEXT, TASK_TEAMS, ResidentInput
from servicepunt.catalogue.selectors import entry_points_choosable, products_choosable
from servicepunt.core.errors import InvalidInput
from servicepunt.handovers.selectors import consent_category_choices, consent_method_choices, consents_of

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from servicepunt.accounts.models import User
    from servicepunt.cases.models import Case

LANGUAGES = [
    ("nl", _("Nederlands")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("uk", _("Oekraïens")),
    ("es", _("Spaans")),
    ("ti", _("Tigrinya")),
    ("so", _("Somalisch")),
    ("fa", _("Perzisch")),
]


class ResidentForm(forms.Form):
    given_name = forms.CharField(label=_("Voornaam"), max_length=100)
    surname_prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    surname = forms.CharField(label=_("Achternaam"), max_length=100)
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    house_number = forms.CharField(label=_("Huisnummer"), max_length=10, required=False)
    preferred_language = forms.ChoiceField(label=_("Voorkeurstaal"), choices=LANGUAGES, initial="nl")
    contact_preference = forms.ChoiceField(
        label=_("Contactvoorkeur"), choices=ContactPreference.choices, initial=ContactPreference.PHONE
    )
    needs_interpreter = forms.BooleanField(label=_("Heeft een tolk nodig"), required=False)
    reads_with_difficulty = forms.BooleanField(label=_("Leest moeilijk"), required=False)
    bsn = forms.CharField(
        label=_("BSN (niet verplicht)"),
        max_length=11,
        required=False,
        help_text=_("Alleen als de inwoner het wil geven. Wordt versleuteld bewaard."),
    )
    question = forms.CharField(
        label=_("Waarvoor komt de inwoner?"),
        help_text=_("In de woorden van de inwoner."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    not_a_duplicate = forms.BooleanField(
        label=_("Ik heb gekeken: dit is een andere persoon"), required=False, widget=forms.HiddenInput
    )

    def resident_input(self) -> ResidentInput:
        data: dict[str, Any] = self.cleaned_data
        return ResidentInput(**{key: data[key] for key in RESIDENT_FIELDS})


RESIDENT_FIELDS = (
    "given_name",
    "surname_prefix",
    "surname",
    "date_of_birth",
    "phone",
    "email",
    "postcode",
    "house_number",
    "preferred_language",
    "contact_preference",
    "needs_interpreter",
    "reads_with_difficulty",
    "bsn",
)


class ResidentSearchForm(forms.Form):
    name = forms.CharField(label=_("Naam"), required=False, max_length=100)
    date_of_birth = forms.DateField(
        label=_("Geboortedatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    house_number = forms.CharField(label=_("Huisnummer"), required=False, max_length=10)
    bsn = forms.CharField(label=_("BSN (alleen exact)"), required=False, max_length=11)

    def has_criteria(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


# --- the actions of the case page: one form per action, scoped to the case -----------------------
# A form only parses and checks what was posted (types, choices of *this* case, lengths); the
# service it feeds applies the rules. Either refusal names the field on the page.


class CaseActionForm(forms.Form):
    def __init__(self, case: Case, data: Any) -> None:
        self.case = case
        super().__init__(data)
        self.scope()

    def scope(self) -> None:
        """Narrow the choices to this case (its questions, its tasks, its resident's consents)."""

    def first_error(self) -> InvalidInput:
        field, errors = next(iter(self.errors.items()))
        return InvalidInput(str(errors[0]), field=field if field != "__all__" else None)


class _QuestionField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            queryset=questions_none(),
            to_field_name="uuid",
            error_messages={"required": _("Kies een vraag."), "invalid_choice": _("Kies een vraag van dit vraagstuk.")},
            **kwargs,
        )


def _text(
    label: StrOrPromise, max_length: int, *, required: bool = True, message: StrOrPromise = ""
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            "required": message or _("Vul dit in."),
            "max_length": _("Te lang: hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
            "null_characters_not_allowed": _("De tekst bevat een teken dat niet kan (NUL)."),
        },
    )


def _choose(message: StrOrPromise) -> dict[str, StrOrPromise]:
    """The same words whether nothing or something unknown was chosen."""
    return {"required": message, "invalid_choice": message}


class QuestionAddForm(CaseActionForm):
    text = _text(_("Vraag"), QUESTION_LENGTH, message=_("Schrijf de vraag op."))


class QuestionForm(CaseActionForm):
    question = _QuestionField()

    def scope(self) -> None:
        self.fields["question"].queryset = self.case.questions.all()  # type: ignore[attr-defined]


class QuestionLinkForm(QuestionForm):
    product = forms.ModelChoiceField(
        queryset=products_choosable(),
        to_field_name="code",
        required=False,
        error_messages={"invalid_choice": _("Kies een bestaand product.")},
    )


class QuestionResolveForm(QuestionForm):
    resolution = forms.ChoiceField(
        choices=[
            (Resolution.ANSWERED.value, _("Direct beantwoord")),
            (Resolution.DECLINED.value, _("Inwoner ziet ervan af")),
        ],
        error_messages=_choose(_("Kies ‘direct beantwoord’ of ‘inwoner ziet ervan af’.")),
    )
    detail = _text(_("Toelichting"), SHORT_TEXT, required=False)


class QuestionReopenForm(QuestionForm):
    reason = _text(_("Reden"), SHORT_TEXT, message=_("Geef een reden om de vraag opnieuw te openen."))


class SuggestionForm(CaseActionForm):
    product = forms.ModelChoiceField(
        queryset=products_choosable(),
        to_field_name="code",
        error_messages={"required": _("Kies een product."), "invalid_choice": _("Kies een bestaand product.")},
    )


class HandoverForm(QuestionForm):
    """A warm handover with its own consent: what is shared (nothing beyond the name and the
    question until ticked), how the consent was given (no choice made for the employee) and until when."""

    entry_point = forms.ModelChoiceField(
        queryset=entry_points_choosable(),
        error_messages=_choose(_("Kies het loket waar de inwoner terecht kan.")),
    )
    shared = forms.MultipleChoiceField(
        label=_("Wat mag gedeeld worden?"),
        choices=[],
        required=False,
        error_messages={"invalid_choice": _("Kies alleen gegevens uit de lijst.")},
    )
    consent_method = forms.ChoiceField(
        label=_("Hoe gaf de inwoner toestemming?"),
        choices=consent_method_choices(),
        widget=forms.RadioSelect,
        error_messages=_choose(_("Kies hoe de inwoner toestemming gaf.")),
    )
    valid_until = forms.DateField(
        label=_("Toestemming geldt tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Vul in tot wanneer de toestemming geldt."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    consent_note = _text(_("Toelichting bij de toestemming"), QUESTION_LENGTH, required=False)
    summary = _text(_("Samenvatting"), NOTE_LENGTH, required=False)

    def scope(self) -> None:
        super().scope()
        self.fields["shared"].choices = consent_category_choices()  # type: ignore[attr-defined]


class TaskForm(CaseActionForm):
    kind = forms.ChoiceField(
        choices=TaskKind.choices,
        error_messages=_choose(_("Kies terugbellen of opvolgen.")),
    )
    description = _text(_("Omschrijving"), SHORT_TEXT, message=_("Schrijf op wat er moet gebeuren."))
    due = forms.DateField(
        error_messages={
            "required": _("Vul een datum in waarop het klaar moet zijn."),
            "invalid": _("Vul een geldige datum in."),
        }
    )
    assignee = forms.CharField(max_length=40, error_messages={"required": _("Kies een medewerker of een team.")})

    def clean_assignee(self) -> tuple[User | None, str]:
        value: str = self.cleaned_data["assignee"]
        kind, _colon, key = value.partition(":")
        if kind == "user" and key.isdigit():
            user = user_active(pk=int(key))
            if user is not None:
                return user, ""
        elif kind == "team" and key in TASK_TEAMS:
            return None, key
        raise forms.ValidationError(_("Kies een medewerker of een team met een werkvoorraad."))


class TaskDoneForm(CaseActionForm):
    task = forms.ModelChoiceField(
        queryset=tasks_none(),
        error_messages={"required": _("Kies een taak."), "invalid_choice": _("Kies een taak van dit vraagstuk.")},
    )

    def scope(self) -> None:
        self.fields["task"].queryset = self.case.tasks.all()  # type: ignore[attr-defined]


class ContactForm(CaseActionForm):
    channel = forms.ChoiceField(
        choices=ContactChannel.choices,
        error_messages={"required": _("Kies een kanaal."), "invalid_choice": _("Kies een kanaal.")},
    )
    outcome = _text(_("Uitkomst"), SHORT_TEXT, message=_("Schrijf de uitkomst van het gesprek op."))
    wijkbureau = _text(_("Wijkbureau"), 100, required=False)
    language = forms.ChoiceField(
        choices=LANGUAGES, required=False, error_messages={"invalid_choice": _("Kies een taal.")}
    )
    interpreter = forms.BooleanField(required=False)


class NoteForm(CaseActionForm):
    text = _text(_("Notitie"), NOTE_LENGTH, message=_("Schrijf een notitie."))


class RepresentativeForm(CaseActionForm):
    name = _text(_("Naam"), 200, message=_("Vul de naam van de vertegenwoordiger in."))
    kind = forms.ChoiceField(
        choices=RepresentativeKind.choices,
        error_messages=_choose(_("Kies wat voor vertegenwoordiger dit is.")),
    )
    phone = _text(_("Telefoon"), 30, required=False)
    email = forms.EmailField(
        required=False, max_length=254, error_messages={"invalid": _("Vul een geldig e-mailadres in.")}
    )


class ConsentWithdrawForm(CaseActionForm):
    consent = forms.ModelChoiceField(
        queryset=consents_of(resident=None),
        to_field_name="uuid",
        error_messages={
            "required": _("Kies een toestemming."),
            "invalid_choice": _("Kies een toestemming van deze inwoner."),
        },
    )

    def scope(self) -> None:
        self.fields["consent"].queryset = consents_of(resident=self.case.resident)  # type: ignore[attr-defined]


class CaseCloseForm(CaseActionForm):
    reason = forms.ChoiceField(
        choices=ClosingReason.choices,
        error_messages=_choose(_("Kies een reden om af te sluiten.")),
    )


class CaseReopenForm(CaseActionForm):
    reason = _text(_("Reden"), SHORT_TEXT, message=_("Geef een reden om opnieuw te openen."))
