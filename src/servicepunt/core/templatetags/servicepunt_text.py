"""Text that people typed, shown so that it cannot reorder what staff read.

A name or a note may hold Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and
friends) or simply be Arabic next to Dutch. `isolated` puts it in a `<bdi>` element, whose
direction is found from its own content and which cannot change the order of the text around
it: an override inside ends where the element ends (HTML: `bdi { unicode-bidi: isolate }`).
Where no markup can go (`<title>`, plain text) `isolated_text` uses the isolate characters
U+2068 … U+2069 instead, and the PDFs get them inside each `<bdi>` (core.pdf), since WeasyPrint
does not support `unicode-bidi: isolate`.
"""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def bidi_isolate_text(value: object) -> str:
    """The text between a first-strong isolate and its terminator: whatever controls it holds,
    they end where it ends."""
    text = "" if value is None else str(value)
    if not text:
        return ""
    # Unterminated embeddings/overrides inside an isolate end at its terminator (UAX #9, X6a).
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


@register.filter(is_safe=True)
def isolated(value: object) -> SafeString:
    """`{{ resident.full_name|isolated }}`: escaped and bidi-isolated (`<bdi>`)."""
    text = "" if value is None else str(value)
    if not text:
        return mark_safe("")
    return mark_safe(f"<bdi>{conditional_escape(text)}</bdi>")  # noqa: S308 - escaped above


@register.filter
def isolated_text(value: object) -> str:
    """For places that hold no markup (`<title>`, attributes, plain-text mail): the text between
    U+2068 and U+2069, escaped as usual by autoescaping."""
    return bidi_isolate_text(value)
