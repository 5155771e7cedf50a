"""`servicepunt janus`: render the project's Janus configuration under var/janus and run Janus
in the foreground (make run starts it beside the web server and the worker)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from servicepunt.videocalls.janus import command, render
from servicepunt.videocalls.janus.settings import config_from_settings


class Command(BaseCommand):
    help = "Run the project's Janus WebRTC Server on loopback with the configuration from settings."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            config = config_from_settings()
            folder = render(config, settings.VAR_DIR / "janus")
        except (ValueError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Janus op {config.url}")
        argv = command(config, folder)
        os.execvp(argv[0], argv)  # noqa: S606 - the Debian janus binary, arguments from settings
