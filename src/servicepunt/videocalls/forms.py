"""Forms of the video call pages: they parse and label input; the services validate and decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.selectors import entry_points_video
from servicepunt.videocalls.choices import GuestKind
from servicepunt.videocalls.models import CallLanguage


class WijkbureauChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: object) -> str:
        return str(obj).split(", ", 1)[-1]


class CallRequestForm(forms.Form):
    wijkbureau = WijkbureauChoice(
        label=_("Wijkbureau"), queryset=entry_points_video(), empty_label=None, to_field_name="code"
    )
    topic = forms.CharField(
        label=_("Waar gaat de vraag over?"),
        help_text=_("Eén regel, zonder naam of BSN."),
        max_length=200,
    )
    language = forms.ChoiceField(label=_("Taal van de inwoner"), choices=CallLanguage.choices)
    interpreter_needed = forms.BooleanField(label=_("Er is een tolk nodig"), required=False)
    accessibility = forms.CharField(
        label=_("Wat heeft de inwoner nodig om goed mee te doen?"),
        help_text=_("Bijvoorbeeld: slechthorend, grote letters. Mag leeg blijven."),
        max_length=300,
        required=False,
    )
    case = forms.UUIDField(required=False, widget=forms.HiddenInput)


class CallEndForm(forms.Form):
    outcome = forms.CharField(label=_("Uitkomst van het gesprek"), max_length=300)


class FallbackForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Wat regelt u in plaats van het videogesprek?"),
        choices=[("callback", _("Het Servicepunt belt de inwoner terug")), ("appointment", _("Een afspraak"))],
        widget=forms.RadioSelect,
    )


class ColleagueChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: object) -> str:
        return str(getattr(obj, "get_full_name", lambda: "")() or obj)


class TransferForm(forms.Form):
    to = ColleagueChoice(label=_("Naar welke collega?"), queryset=None)
    note = forms.CharField(label=_("Waarom zet u het gesprek door?"), max_length=300)

    def __init__(self, *args: object, colleagues: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["to"].queryset = colleagues  # type: ignore[attr-defined]


class GuestInviteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Wie nodigt u uit?"), choices=GuestKind.choices, widget=forms.RadioSelect)
    label = forms.CharField(
        label=_("Naam of organisatie"),
        help_text=_("Eén regel. Dit ziet de inwoner, bijvoorbeeld: DUO, mevrouw Jansen."),
        max_length=80,
        required=False,
    )
