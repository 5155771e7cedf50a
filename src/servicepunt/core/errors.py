"""One exception hierarchy for domain errors. The UI shows `message`, the API answers
problem+json with it, the CLI prints it and exits 2: the same words from the same place."""

from __future__ import annotations


class ServicepuntError(Exception):
    """A domain error whose message is meant for the user. `field` names the offending input."""

    status: int = 400
    code: str = "invalid"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidInput(ServicepuntError):
    status = 400
    code = "invalid-input"


class NotFound(ServicepuntError):
    status = 404
    code = "not-found"


class AppendOnlyError(RuntimeError):
    """A record of what happened (the access log, an appointment's history, the security log) is
    append-only: its rows are never changed, and removed only by their retention rule."""
