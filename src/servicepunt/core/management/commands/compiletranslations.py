"""`servicepunt compiletranslations`: compile the committed .po files to .mo with polib, so a
fresh machine needs no GNU gettext tools (developers extracting strings still use makemessages)."""

from __future__ import annotations

from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Vertalingen (.po) omzetten naar .mo-bestanden."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"{count} vertaalbestand(en) gecompileerd.")
