"""The |isolated filter: what someone typed is escaped and bidi-isolated, so a U+202E RIGHT-TO-LEFT
OVERRIDE in a name cannot reorder the text around it."""

from __future__ import annotations

from django.template import Context, Template

from servicepunt.core.pdf import bidi_isolates_for_print

RLO = "\u202e"


def _render(text: str, source: str = "{{ value|isolated }}") -> str:
    return Template("{% load servicepunt_text %}" + source).render(Context({"value": text}))


def test_a_name_with_an_override_is_closed_inside_its_own_isolate() -> None:
    shown = _render(f"Ans {RLO}ressiV")
    # A <bdi> is an isolate: the override ends where the element ends, so the text after the
    # name is read in its own order.
    assert shown == f"<bdi>Ans {RLO}ressiV</bdi>"
    # In a PDF (WeasyPrint has no unicode-bidi: isolate) the isolate characters do it: U+2069
    # closes every embedding and override opened after its U+2068 (UAX #9, rule X6a).
    printed = bidi_isolates_for_print(shown)
    assert printed == f"<bdi>\u2068Ans {RLO}ressiV\u2069</bdi>" and printed.index("\u2069") > printed.index(RLO)


def test_markup_is_escaped_and_empty_values_render_nothing() -> None:
    assert _render("<script>x</script>") == "<bdi>&lt;script&gt;x&lt;/script&gt;</bdi>"
    assert _render("") == "" and _render(None) == ""  # type: ignore[arg-type]


def test_lines_keep_their_breaks_and_plain_text_places_get_the_characters_only() -> None:
    assert _render("a\nb", "{{ value|isolated|linebreaksbr }}") == "<bdi>a<br>b</bdi>"
    assert _render(f"{RLO}x", "{{ value|isolated_text }}") == f"\u2068{RLO}x\u2069"
