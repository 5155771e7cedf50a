from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.triage.selectors import MAX_TEXT_LENGTH


class TriageForm(forms.Form):
    text = forms.CharField(
        label=_("Wat vertelt de inwoner?"),
        max_length=MAX_TEXT_LENGTH,
        strip=True,
        help_text=_("Typ in de woorden van de inwoner, in welke taal dan ook. Er wordt niets bewaard."),
        error_messages={
            "required": _("Typ wat de inwoner vertelt."),
            "max_length": _("De tekst is te lang (meer dan %(limit_value)s tekens)."),
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )
