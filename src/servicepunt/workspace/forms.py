"""Forms of the workspace: they parse and label input; the services validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.cases.models import ContactPreference
from servicepunt.cases.services import ResidentInput

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
