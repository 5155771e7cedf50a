from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters."),
        "inactive": _("Dit account is niet actief."),
    }


class SecondFactorForm(forms.Form):
    """The code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("De 6 cijfers uit uw app. Geen app bij de hand? Gebruik een van uw herstelcodes."),
        error_messages={"required": _("Vul de code in.")},
    )

    def clean_code(self) -> str:
        return "".join(str(self.cleaned_data["code"]).split())
