"""`servicepunt triage`: the command-line front of triage (see docs/cli.md)."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.jsonl import dumps, run_jsonl
from servicepunt.triage.selectors import triage_search


def _answer(text: Any, limit: int, language: str | None) -> dict[str, Any]:
    if not isinstance(text, str):
        raise InvalidInput("moet tekst zijn", field="text")
    answer = triage_search(text, limit=limit, language=language)
    return {"language": answer.language, "results": [asdict(m) for m in answer.results]}


class Command(BaseCommand):
    help = "Waar moet ik beginnen? Van de woorden van de inwoner naar producten, best passend eerst."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("text", nargs="?", help="Wat de inwoner vertelt.")
        parser.add_argument("--limit", type=int, default=10, help="Hoogstens zoveel resultaten (standaard 10).")
        parser.add_argument("--lang", default=None, help="Taal van de tekst (BCP 47); standaard automatisch.")
        parser.add_argument("--jsonl", action="store_true", help='Lees {"id", "text"} per regel van stdin.')

    def handle(self, *args: Any, **options: Any) -> None:
        limit, language = options["limit"], options["lang"]
        try:
            if options["jsonl"]:
                run_jsonl(sys.stdin, self.stdout, lambda row: _answer(row.get("text"), limit, language))
                return
            if options["text"] is None:
                raise InvalidInput("geef de tekst van de inwoner mee, of gebruik --jsonl", field="text")
            self.stdout.write(dumps(_answer(options["text"], limit, language)))
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
