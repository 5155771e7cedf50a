"""`servicepunt send-reminders [--date YYYY-MM-DD]`: remind residents of their appointments on
that day (default: tomorrow in Amsterdam), by e-mail or SMS as each resident chose. Run it once a
day from the scheduler; running it again sends nothing twice. It queues the messages; the task
worker (`servicepunt db_worker`) sends and retries them."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from servicepunt.appointments.notify.reminders import Outcome, reminder_day_default, reminders_send

LABELS = {
    Outcome.QUEUED: "klaargezet",
    Outcome.SKIPPED: "overgeslagen",
    Outcome.ALREADY: "al eerder gedaan",
    Outcome.FAILED: "mislukt",
}
FAILED_MESSAGE = (
    "Niet alles is klaargezet. Draai de opdracht later opnieuw: wat al klaarstaat of verstuurd is, gaat niet nog eens."
)


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"geen datum als JJJJ-MM-DD: {value!r}") from error


class Command(BaseCommand):
    help = "Afspraken: stuur de herinneringen voor morgen (of --date), één keer per afspraak."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--date", type=_day, default=None, help="De dag van de afspraken (JJJJ-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        day = options["date"] or reminder_day_default()
        self.stdout.write(f"Herinneringen voor afspraken op {day:%Y-%m-%d}:")
        results = reminders_send(day=day)
        for result in results:
            subject = f"combinatie {result.arrangement}" if result.arrangement else f"afspraak {result.appointments[0]}"
            reason = f" ({result.reason})" if result.reason else ""
            self.stdout.write(f"  {LABELS[result.outcome]:<17} {result.channel or '-':<7} {subject}{reason}")
        counts = Counter(result.outcome for result in results)
        summary = ", ".join(f"{counts[outcome]} {LABELS[outcome]}" for outcome in Outcome)
        self.stdout.write(f"Klaar: {summary}.")
        if counts[Outcome.FAILED]:
            # The scheduler sees the failure; the next run retries only what did not go out.
            raise CommandError(FAILED_MESSAGE, returncode=2)
