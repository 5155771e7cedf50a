"""Every text shown to a user is in Dutch and translated through the locale files: a string
marked for translation without an English entry (or with only a fuzzy guess) would reach an
English reader in Dutch. The
check extracts the strings as `make messages` does, from a copy, so the committed file stays as
it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (Debian's gettext)")
def test_every_marked_string_has_an_english_translation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "servicepunt"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("tests", "__pycache__", "static", "*.mo"))
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    catalogue = polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    missing = [f"{entry.msgid!r} ({entry.occurrences[0][0]})" for entry in catalogue.untranslated_entries()]
    assert not missing, "add English translations to locale/en/LC_MESSAGES/django.po: " + ", ".join(missing)
    # A fuzzy entry is makemessages' guess from a similar string ("Ingelogd" → "Not signed in"):
    # it is not compiled, so the English reader gets Dutch, and the guess is often wrong.
    guessed = [f"{entry.msgid!r} ({entry.occurrences[0][0]})" for entry in catalogue.fuzzy_entries()]
    assert not guessed, "check and unmark these fuzzy translations in locale/en/LC_MESSAGES/django.po: " + ", ".join(
        guessed
    )
