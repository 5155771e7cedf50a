"""The triage index, built from the catalogue and kept per process until the catalogue changes."""

from __future__ import annotations

import threading

import structlog
from django.db import DatabaseError
from django.utils.translation import gettext as _

from servicepunt.catalogue.loading.parse import parse_catalogue
from servicepunt.catalogue.services import revision_current
from servicepunt.core.errors import InvalidInput
from servicepunt.triage.documents import documents_from_database, documents_from_files
from servicepunt.triage.engine import EmptyQueryError, TriageAnswer, TriageIndex

log = structlog.get_logger(__name__)
_lock = threading.Lock()
_cached: tuple[tuple[object, ...], TriageIndex] | None = None


def _catalogue_key() -> tuple[object, ...]:
    """The database's catalogue revision, or a marker for 'no catalogue in the database'."""
    try:
        return ("database", revision_current())
    except DatabaseError:
        return ("files",)


def triage_index() -> TriageIndex:
    global _cached
    key = _catalogue_key()
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        if _cached is not None and _cached[0] == key:
            return _cached[1]
        documents = documents_from_database() if key != ("files",) else []
        if not documents:
            # A fresh checkout without a loaded database still answers, from the bundled files.
            documents = documents_from_files(parse_catalogue())
        index = TriageIndex.build(documents)
        log.info("triage_index_built", products=len(documents), source=key[0])
        _cached = (key, index)
        return index


MAX_TEXT_LENGTH = 5000
MAX_LIMIT = 50


def triage_search(text: str, *, limit: int = 10, language: str | None = None) -> TriageAnswer:
    """Ranked products for the resident's own words. Refuses empty or oversized input by field."""
    if not text or not text.strip():
        raise InvalidInput(_("Typ wat de inwoner vertelt."), field="text")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidInput(_("De tekst is te lang (meer dan %(max)s tekens).") % {"max": MAX_TEXT_LENGTH}, field="text")
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(_("Kies een aantal van 1 tot en met %(max)s.") % {"max": MAX_LIMIT}, field="limit")
    try:
        return triage_index().search(text, limit=limit, language=language)
    except EmptyQueryError as error:
        raise InvalidInput(_("In deze tekst staan geen woorden om op te zoeken."), field="text") from error
