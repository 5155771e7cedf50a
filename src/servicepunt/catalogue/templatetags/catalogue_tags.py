"""Display helpers for catalogue objects in the current UI language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from servicepunt.catalogue.choices import EntryChannel, OrganisationKind
from servicepunt.catalogue.localization import localized_field
from servicepunt.catalogue.selectors import content_language

register = template.Library()

WEEKDAY_NAMES = (_("maandag"), _("dinsdag"), _("woensdag"), _("donderdag"), _("vrijdag"), _("zaterdag"), _("zondag"))
LANGUAGE_NAMES = {
    "nl": _("Nederlands"),
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "tr": _("Turks"),
    "pl": _("Pools"),
    "uk": _("Oekraïens"),
    "es": _("Spaans"),
    "fr": _("Frans"),
    "de": _("Duits"),
    "ber": _("Berbers"),
    "ary": _("Marokkaans-Arabisch"),
    "ti": _("Tigrinya"),
    "fa": _("Perzisch"),
    "so": _("Somalisch"),
    "pap": _("Papiaments"),
    "zgh": _("Tamazight"),
}


@register.filter
def localized(obj: Any, field: str) -> str:
    """`obj|localized:"name"` gives name_en in English when filled, else the Dutch field."""
    return localized_field(obj, field, content_language())


@register.filter
def weekday_name(index: int) -> str:
    return str(WEEKDAY_NAMES[index])


@register.filter
def channel_label(code: str) -> str:
    return str(EntryChannel(code).label) if code in EntryChannel.values else code


@register.filter
def kind_label(code: str) -> str:
    return str(OrganisationKind(code).label) if code in OrganisationKind.values else code


@register.filter
def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))
