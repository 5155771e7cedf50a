"""Which language we write to a resident in, and a catalogue field in that language. One place
for the naming rule of the catalogue (`name` / `name_nl` in Dutch, `name_en` in English…), used by
the pages, the case summary and the appointment messages alike."""

from __future__ import annotations

from typing import Any

from django.conf import settings

FALLBACK_LANGUAGE = "nl"


def written_languages() -> list[str]:
    """The languages we write in: those of the user interface."""
    return [code for code, _name in settings.LANGUAGES]


def resident_language(preferred: str | None) -> str:
    """The resident's language when we write it ("en-GB" counts as "en"), else Dutch."""
    code = (preferred or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in written_languages() else FALLBACK_LANGUAGE


def localized_field(obj: Any, field: str, language: str) -> str:
    """`field` in `language` when filled (name_en), else the Dutch one (name or name_nl)."""
    if language != FALLBACK_LANGUAGE and (translated := getattr(obj, f"{field}_{language}", "")):
        return str(translated)
    return str(getattr(obj, field, "") or getattr(obj, f"{field}_{FALLBACK_LANGUAGE}", "") or "")
