"""Batch mode of the command-line contract: one JSON object per input line, answered in order.
A bad line is answered with {"id", "error"}; the other lines are still answered.

A large batch of pure work (triage) may be answered by several forked worker processes, one
per core, each with the parent's loaded engine; the answers still come out in input order.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from typing import IO, Any, Protocol

from django.db import connections
from django.utils.translation import gettext as _

from servicepunt.core.errors import ServicepuntError

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class Writer(Protocol):
    def write(self, text: str, /) -> Any: ...

    def flush(self) -> Any: ...


def dumps(obj: dict[str, Any]) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a "\ud800" escape in the input, echoed in an id) cannot be written as
        # UTF-8; escaped it is still the same JSON.
        return json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return text


# How undecodable input bytes arrive once stdin reads with "surrogateescape" (see tolerant).
_UNDECODED = re.compile("[\udc80-\udcff]")


def tolerant(stream: IO[str]) -> IO[str]:
    """stdin that turns bytes that are not UTF-8 into escapes instead of raising in the middle
    of a batch, so such a line is answered with an error and the others are still answered."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="surrogateescape")
    return stream


def text_decoded(text: str, *, field: str) -> str:
    """Refuses text that held bytes that are not UTF-8 (read by a tolerant stream or from argv)."""
    if _UNDECODED.search(text):
        raise ServicepuntError(_("De invoer is geen geldige UTF-8-tekst."), field=field)
    return text


PARALLEL_FROM = 200  # lines: below this, starting workers costs more than it saves
_handler: Handler | None = None  # the handler of the batch being answered (inherited by forked workers)


def _answer(item: tuple[int, str]) -> str:
    number, line = item
    row_id: Any = None
    assert _handler is not None
    try:
        row = json.loads(text_decoded(line, field=f"regel {number}"))
        if not isinstance(row, dict):
            raise ServicepuntError("een regel moet een JSON-object zijn", field="(regel)")
        row_id = row.get("id")
        answer = {"id": row_id, **_handler(row)}
    except json.JSONDecodeError as error:
        answer = {"id": None, "error": f"regel {number}: geen geldige JSON ({error.msg})"}
    except RecursionError:
        answer = {"id": None, "error": f"regel {number}: geen geldige JSON (te diep genest)"}
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        answer = {"id": None, "error": f"regel {number}: geen geldige JSON ({error})"}
    except ServicepuntError as error:
        answer = {"id": row_id, "error": str(error)}
    return dumps(answer)


def _workers(count: int) -> int:
    configured = os.environ.get("SERVICEPUNT_BATCH_WORKERS", "")
    workers = int(configured) if configured.isdigit() else (os.cpu_count() or 1)
    return max(1, min(workers, 8)) if count >= PARALLEL_FROM else 1


def run_jsonl(lines: IO[str], out: Writer, handle: Handler, *, parallel: bool = False) -> int:
    """Answer every non-empty line; returns the number of lines answered with an error.

    ``parallel`` is for handlers that need no database: the workers are forked after the
    connections are closed, so no connection is shared between processes."""
    global _handler
    _handler = handle
    items = [(number, line) for number, line in enumerate(tolerant(lines), start=1) if line.strip()]
    workers = _workers(len(items)) if parallel and "fork" in multiprocessing.get_all_start_methods() else 1
    answers: Iterable[str]
    errors = 0
    try:
        if workers > 1:
            connections.close_all()
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                answers = pool.imap(_answer, items, chunksize=max(1, len(items) // (workers * 8)))
                errors = _write(answers, out)
        else:
            errors = _write(map(_answer, items), out)
    finally:
        _handler = None
    out.flush()
    return errors


def _write(answers: Iterable[str], out: Writer) -> int:
    errors = 0
    for answer in answers:
        errors += '"error":' in answer
        out.write(answer + "\n")
    return errors
