"""`servicepunt suggest FILE|-` and `--jsonl`: the command-line front of the suggestion engine."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.jsonl import dumps, run_jsonl, text_decoded, tolerant
from servicepunt.infoflits.selectors import suggestions_checked


class Command(BaseCommand):
    # A batch front answers in seconds: the system checks (which import every URL and view) are for
    # `servicepunt check` and the server, not for each call of this command.
    requires_system_checks: list[str] = []
    help = "Infoflits: welke producten kan dit huishouden nog krijgen? (situatie volgens situation.schema.json)"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", help="Bestand met één situatie (JSON); '-' leest stdin.")
        parser.add_argument("--jsonl", action="store_true", help='Lees {"id", "situation"} per regel van stdin.')

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["jsonl"]:
                run_jsonl(sys.stdin, self.stdout, lambda row: suggestions_checked(row.get("situation")))
                return
            if not options["file"]:
                raise InvalidInput(
                    "geef een bestand met een situatie, '-' voor stdin, of gebruik --jsonl", field="file"
                )
            self.stdout.write(dumps(suggestions_checked(self._read(options["file"]))))
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error

    def _read(self, name: str) -> Any:
        try:
            text = text_decoded(tolerant(sys.stdin).read(), field="file") if name == "-" else self._file(name)
        except OSError as error:
            raise InvalidInput(f"kan '{name}' niet lezen: {error.strerror}", field="file") from error
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidInput(f"geen geldige JSON (regel {error.lineno}: {error.msg})", field="file") from error
        except RecursionError as error:
            raise InvalidInput("geen geldige JSON (te diep genest)", field="file") from error
        except ValueError as error:  # e.g. an integer of more than 4,300 digits
            raise InvalidInput(f"geen geldige JSON ({error})", field="file") from error

    def _file(self, name: str) -> str:
        try:
            return Path(name).read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidInput(f"'{name}' is geen UTF-8 (byte {error.start})", field="file") from error
