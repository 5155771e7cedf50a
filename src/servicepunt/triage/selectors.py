"""The triage index, built from the catalogue and kept per process until the catalogue changes.

Building the index (stemming every phrase in every language) takes seconds, so a built index is
named by a fingerprint of everything it is built from — the catalogue's documents (or the bundled
catalogue files), the needs and safety files and the engine's own code — and kept by that name in
the process and on disk under ``VAR_DIR/cache``. A command-line call loads it instead of building
it; a catalogue edit that changes nothing the index uses costs a read of the catalogue, not a
rebuild; any change of content gives a new name.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import structlog
from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext as _

from servicepunt.catalogue.loading.parse import DEFAULT_DATA_DIR as CATALOGUE_FILES
from servicepunt.catalogue.loading.parse import parse_catalogue
from servicepunt.catalogue.services import revision_current
from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import control_free
from servicepunt.triage.documents import documents_from_database, documents_from_files
from servicepunt.triage.engine import EmptyQueryError, ProductDoc, TriageAnswer, TriageIndex
from servicepunt.triage.engine.needs import read_needs
from servicepunt.triage.engine.safety import default_lexicon

log = structlog.get_logger(__name__)
_lock = threading.Lock()
_cached: tuple[tuple[object, ...], TriageIndex] | None = None
_built: dict[str, TriageIndex] = {}  # fingerprint -> index: a new revision with the same content is not rebuilt
_ENGINE_DIR = Path(__file__).resolve().parent / "engine"
_DATA_DIR = Path(__file__).resolve().parent / "data"

MAX_TEXT_LENGTH = 20_000  # characters: a long story of some 3,000 words is still read whole
MAX_LIMIT = 50
CACHE_FILES_KEPT = 4  # built indexes kept on disk, newest first
MAX_LANGUAGE_LENGTH = 10  # the longest tag anyone uses here, e.g. zh-Hant-TW
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}")


def _catalogue_key() -> tuple[object, ...]:
    """The database's catalogue revision, or a marker for 'no catalogue in the database'."""
    try:
        return ("database", revision_current())
    except DatabaseError:
        return ("files",)


def _sources_digest() -> hashlib._Hash:
    """A digest of the engine's own code and data, the start of every fingerprint."""
    digest = hashlib.sha256()
    for directory in (_ENGINE_DIR, _DATA_DIR):
        for path in sorted(directory.rglob("*")):
            if path.suffix in (".py", ".yaml"):
                digest.update(path.relative_to(directory).as_posix().encode())
                digest.update(path.read_bytes())
    return digest


def _fingerprint_documents(documents: list[ProductDoc]) -> str:
    digest = _sources_digest()
    digest.update(pickle.dumps(documents, protocol=pickle.HIGHEST_PROTOCOL))
    return digest.hexdigest()[:32]


def _fingerprint_files() -> str:
    """The bundled catalogue files as they are: hashing them is quicker than reading them."""
    digest = _sources_digest()
    for path in sorted(CATALOGUE_FILES.rglob("*.yaml")):
        digest.update(path.relative_to(CATALOGUE_FILES).as_posix().encode())
        digest.update(path.read_bytes())
    return "files-" + digest.hexdigest()[:26]


def _cache_path(fingerprint: str) -> Path | None:
    configured = getattr(settings, "SERVICEPUNT_TRIAGE_CACHE_DIR", None)
    return Path(configured) / f"triage-{fingerprint}.pickle" if configured else None


def _from_disk(path: Path | None) -> TriageIndex | None:
    if path is None or not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)  # noqa: S301 - our own file, named by the hash of its sources
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        log.warning("triage_cache_unreadable")
        return None
    return index if isinstance(index, TriageIndex) else None


def _to_disk(path: Path | None, index: TriageIndex) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as temporary:
            pickle.dump(index, temporary, protocol=pickle.HIGHEST_PROTOCOL)
        Path(temporary.name).replace(path)  # atomic: a parallel reader sees the old file or the new one
        _prune(path.parent)
    except OSError:
        log.warning("triage_cache_not_written")


def _prune(directory: Path) -> None:
    """Every catalogue edit and every new version of the engine leaves an index behind: keep the
    newest few (a rollback or a second checkout may still want one), remove the rest."""
    kept = sorted(directory.glob("triage-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in kept[CACHE_FILES_KEPT:]:
        old.unlink(missing_ok=True)


def _index_for(fingerprint: str, documents: Callable[[], list[ProductDoc]]) -> TriageIndex:
    """The index of these sources: from this process, from disk, or built (and then kept)."""
    index = _built.get(fingerprint)
    if index is None:
        path = _cache_path(fingerprint)
        index = _from_disk(path)
        if index is None:
            docs = documents()
            index = TriageIndex.build(docs, read_needs(products={d.code for d in docs}), default_lexicon())
            _to_disk(path, index)
        # The index lives as long as the process: keep the cyclic collector from walking its
        # hundreds of thousands of objects at every collection (and forked workers share them).
        gc.freeze()
        _built.clear()  # one catalogue at a time: an edited catalogue replaces the old index
        _built[fingerprint] = index
    return index


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
        if documents:
            index = _index_for(_fingerprint_documents(documents), lambda: documents)
        else:
            # A fresh checkout without a loaded database still answers, from the bundled files.
            index = _index_for(_fingerprint_files(), lambda: documents_from_files(parse_catalogue()))
        log.info("triage_index_ready", products=len(index.codes), source="database" if documents else "files")
        _cached = (key, index)
        return index


def check_triage_input(text: object, limit: object = 10) -> tuple[str, int]:
    """The one validation of a triage question, for the page, the API and the CLI alike."""
    if not isinstance(text, str):
        raise InvalidInput(_("Dit moet tekst zijn."), field="text")
    if "\x00" in text:
        raise InvalidInput(_("De tekst bevat een teken dat niet kan (NUL)."), field="text")
    control_free(text, field="text")
    if not text.strip():
        raise InvalidInput(_("Typ wat de inwoner vertelt."), field="text")
    if len(text) > MAX_TEXT_LENGTH:
        raise InvalidInput(_("De tekst is te lang (meer dan %(max)s tekens).") % {"max": MAX_TEXT_LENGTH}, field="text")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(_("Kies een aantal van 1 tot en met %(max)s.") % {"max": MAX_LIMIT}, field="limit")
    return text, limit


def language_checked(language: object) -> str | None:
    """A language tag as BCP 47 writes it (nl, en, ar, zh-Hant), or None for "recognise it"."""
    if language is None:
        return None
    if not isinstance(language, str) or len(language) > MAX_LANGUAGE_LENGTH or not _LANGUAGE_TAG.fullmatch(language):
        raise InvalidInput(_("Gebruik een taalcode zoals nl, en of ar."), field="language")
    return language


def triage_search(
    text: object, *, limit: object = 10, language: str | None = None, index: TriageIndex | None = None
) -> TriageAnswer:
    """Ranked products and the needs found in the resident's own words. Refuses bad input by field."""
    checked_text, checked_limit = check_triage_input(text, limit)
    language = language_checked(language)
    try:
        return (index or triage_index()).search(checked_text, limit=checked_limit, language=language)
    except EmptyQueryError as error:
        raise InvalidInput(_("In deze tekst staan geen woorden om op te zoeken."), field="text") from error
