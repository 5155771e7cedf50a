from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.selectors import product_options


class StartForm(forms.Form):
    question_text = forms.CharField(
        label=_("Waarvoor komt de inwoner?"),
        required=False,
        max_length=2000,
        help_text=_("In de woorden van de inwoner."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    asked_products = forms.MultipleChoiceField(
        label=_("Om welke producten vraagt de inwoner?"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["asked_products"].choices = product_options()
