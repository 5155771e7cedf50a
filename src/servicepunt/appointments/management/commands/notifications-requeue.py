"""`servicepunt notifications-requeue`: give every message that is still queued long after its
try was due (its worker was killed in the middle of it) a new try. Safe to run often, e.g. every
quarter of an hour from the scheduler: a message is sent once however often it is tried."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from servicepunt.appointments.notify.sweep import messages_requeue_stale


class Command(BaseCommand):
    help = "Berichten: zet berichten die te lang in de wachtrij staan opnieuw klaar."

    def handle(self, *args: Any, **options: Any) -> None:
        requeued = messages_requeue_stale()
        self.stdout.write(f"{len(requeued)} bericht(en) opnieuw klaargezet.")
