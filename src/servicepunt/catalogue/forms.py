from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.models import LifeDomain, Organisation


class ProductFilterForm(forms.Form):
    domain = forms.ChoiceField(label=_("Leefdomein"), required=False)
    organisation = forms.ChoiceField(label=_("Organisatie"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["domain"].choices = everything + [(d.code, d.name) for d in LifeDomain.objects.all()]
        self.fields["organisation"].choices = everything + [
            (o.code, o.name) for o in Organisation.objects.filter(active=True).order_by("name")
        ]
