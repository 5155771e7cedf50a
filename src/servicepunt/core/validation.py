"""Checks every service applies to what people type, so no front can store a value that is
silently cut, a NUL byte that PostgreSQL refuses, or a date nobody could mean. Each refusal is
an InvalidInput naming the field, in the words the page, the API and the CLI all show."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from servicepunt.core.errors import InvalidInput

# Control characters nobody types (NUL and friends); tab and newlines are kept. A lone surrogate
# (a JSON "\ud800" escape) is no character at all: UTF-8, and so PostgreSQL, cannot hold it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Characters that turn the direction of the text after them around (a name that reads backwards).
_BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def control_free(value: str, *, field: str) -> str:
    """The text unchanged; refused when it holds a control character (tab and newlines are
    fine) or a lone surrogate. For text that is kept as typed, such as a resident's story."""
    if _CONTROL.search(value):
        raise InvalidInput(_("De tekst bevat een teken dat niet kan (een stuurteken)."), field=field)
    return value


def text_checked(value: object, *, field: str, max_length: int, required: str | None = None) -> str:
    """The text without surrounding spaces; refused when it is not text, holds control or
    direction-override characters, is longer than ``max_length``, or is empty while ``required``
    (the message to show) is given."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("Dit moet tekst zijn."), field=field)
    control_free(value, field=field)
    if _BIDI_OVERRIDES.search(value):
        raise InvalidInput(_("De tekst bevat een teken dat de leesrichting omdraait; dat kan niet."), field=field)
    text = value.strip()
    if len(text) > max_length:
        raise InvalidInput(
            _("Te lang: hoogstens %(max)s tekens (nu %(length)s).") % {"max": max_length, "length": len(text)},
            field=field,
        )
    if required and not text:
        raise InvalidInput(required, field=field)
    return text


def date_checked(value: dt.date | None, *, field: str, earliest: dt.date, latest: dt.date) -> dt.date | None:
    """A date between ``earliest`` and ``latest`` (inclusive), or None."""
    if value is None:
        return None
    if not earliest <= value <= latest:
        raise InvalidInput(
            _("Kies een datum tussen %(earliest)s en %(latest)s.")
            % {"earliest": earliest.strftime("%d-%m-%Y"), "latest": latest.strftime("%d-%m-%Y")},
            field=field,
        )
    return value


_AMOUNT = re.compile(r"^(?:€\s*)?-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$")
_AMOUNT_DOT_DECIMAL = re.compile(r"^(?:€\s*)?-?\d+\.\d{1,2}$")


def amount_parsed(value: object, *, field: str, maximum: Decimal) -> Decimal:
    """A money amount as people at a Dutch counter write it: "1800", "1.800", "1.800,50",
    "€ 1800", "1800,50" (and "1800.50"). Refused, never guessed: "1.8", "inf", "nan", "1e3",
    negative amounts and amounts above ``maximum``."""
    if isinstance(value, bool):
        raise InvalidInput(_("Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."), field=field)
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInput(_("Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."), field=field)
        text = f"{value:.2f}".replace(".", ",")
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", " ")
    else:
        raise InvalidInput(_("Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."), field=field)
    if _AMOUNT.match(text):
        number = text.lstrip("€ ").replace(".", "").replace(",", ".")
    elif _AMOUNT_DOT_DECIMAL.match(text) and len(text.rsplit(".", 1)[1]) == 2:
        number = text.lstrip("€ ")  # "1800.50": a decimal point with cents, as in an English form
    else:
        raise InvalidInput(_("Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."), field=field)
    try:
        amount = Decimal(number)
    except InvalidOperation as error:
        raise InvalidInput(_("Vul een bedrag in euro's in, bijvoorbeeld 1.800 of 1800,50."), field=field) from error
    if amount < 0:
        raise InvalidInput(_("Een bedrag kan niet negatief zijn."), field=field)
    if amount > maximum:
        raise InvalidInput(
            _("Dat bedrag is te hoog (hoogstens %(max)s euro).") % {"max": f"{maximum:,.0f}".replace(",", ".")},
            field=field,
        )
    return amount
