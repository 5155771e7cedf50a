"""Forms of the privacy officer's pages: they parse and label input; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class ResidentSearchForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    bsn = forms.CharField(label=_("BSN"), max_length=20, required=False, help_text=_("Het hele BSN, 9 cijfers."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("name", "").strip() or data.get("bsn", "").strip()):
            raise forms.ValidationError(_("Vul een naam of een BSN in."))
        return data


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik heb gecontroleerd dat de inwoner om wissen heeft gevraagd en wie de inwoner is."),
        error_messages={"required": _("Vink aan dat u dit heeft gecontroleerd.")},
    )
