"""Structured logs named after domain events (e.g. `case_closed`), never personal data.
Logs go to stderr, so command output on stdout stays clean JSON."""

from __future__ import annotations

import logging
import re
import sys

import structlog


def configure_logging(level: str) -> None:
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )


# What must never reach a log line, whoever writes it (Django's request warnings, runserver's
# request lines, a library): the query string of any address (a search, an old bookmark with a
# BSN or name in it), the resident's link key, which is a path segment after /afspraak/, and the
# key of a guest in a video call, after /video/gast/.
QUERY_STRING = re.compile(r"\?[^\s\"']+")
RESIDENT_KEY = re.compile(r"(/afspraak/)(?!brief/)[A-Za-z0-9_-]{16,}")
GUEST_KEY = re.compile(r"(/video/gast/)[A-Za-z0-9_-]+")
REDACTED = "[weggelaten]"


def redacted(text: str) -> str:
    """The text without query strings, resident link keys and guest keys."""
    text = RESIDENT_KEY.sub(r"\1" + REDACTED, QUERY_STRING.sub("?" + REDACTED, text))
    return GUEST_KEY.sub(r"\1" + REDACTED, text)


class RedactAddresses(logging.Filter):
    """A handler filter (see LOGGING in the settings): rewrites the record's message with the
    query strings and resident link keys taken out, so no formatter can print them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redacted(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True
