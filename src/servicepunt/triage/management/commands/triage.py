"""`servicepunt triage`: the command-line front of triage (see docs/cli.md)."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.core.errors import InvalidInput, ServicepuntError
from servicepunt.core.jsonl import dumps, run_jsonl, text_decoded
from servicepunt.triage.engine import TriageIndex
from servicepunt.triage.selectors import triage_index, triage_search


def _answer(text: Any, limit: int, language: str | None, index: TriageIndex | None = None) -> dict[str, Any]:
    answer = triage_search(text, limit=limit, language=language, index=index)
    result: dict[str, Any] = {
        "language": answer.language,
        "results": [asdict(m) for m in answer.results],
        "needs": [asdict(n) for n in answer.needs],
    }
    if answer.notice:
        result["notice"] = answer.notice
    return result


class Command(BaseCommand):
    # A batch front answers in seconds: the system checks (which import every URL and view) are for
    # `servicepunt check` and the server, not for each call of this command.
    requires_system_checks: list[str] = []
    help = "Waar moet ik beginnen? Van de woorden van de inwoner naar producten, best passend eerst."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("text", nargs="?", help="Wat de inwoner vertelt.")
        parser.add_argument("--limit", type=int, default=10, help="Hoogstens zoveel resultaten (standaard 10).")
        parser.add_argument("--lang", default=None, help="Taal van de tekst (BCP 47); standaard automatisch.")
        parser.add_argument("--jsonl", action="store_true", help='Lees {"id", "text"} per regel van stdin.')

    def handle(self, *args: Any, **options: Any) -> None:
        limit, language = options["limit"], options["lang"]
        try:
            if language is not None:
                language = text_decoded(language, field="lang")
            if options["jsonl"]:
                index = triage_index()  # once: every line is answered from the same catalogue
                run_jsonl(
                    sys.stdin, self.stdout, lambda row: _answer(row.get("text"), limit, language, index), parallel=True
                )
                return
            if options["text"] is None:
                raise InvalidInput("geef de tekst van de inwoner mee, of gebruik --jsonl", field="text")
            # argv holds bytes that are not UTF-8 as escapes; refuse them rather than search them.
            text = text_decoded(options["text"], field="text")
            self.stdout.write(dumps(_answer(text, limit, language)))
        except ServicepuntError as error:
            raise CommandError(str(error), returncode=2) from error
