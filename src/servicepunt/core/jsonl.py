"""Batch mode of the command-line contract: one JSON object per input line, answered in order.
A bad line is answered with {"id", "error"}; the other lines are still answered."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any, Protocol

from servicepunt.core.errors import ServicepuntError

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class Writer(Protocol):
    def write(self, text: str, /) -> Any: ...

    def flush(self) -> Any: ...


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def run_jsonl(lines: IO[str], out: Writer, handle: Handler) -> int:
    """Answer every non-empty line; returns the number of lines answered with an error."""
    errors = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row_id: Any = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ServicepuntError("een regel moet een JSON-object zijn", field="(regel)")
            row_id = row.get("id")
            answer = {"id": row_id, **handle(row)}
        except json.JSONDecodeError as error:
            answer = {"id": None, "error": f"regel {number}: geen geldige JSON ({error.msg})"}
        except ServicepuntError as error:
            answer = {"id": row_id, "error": str(error)}
        if "error" in answer:
            errors += 1
        out.write(dumps(answer) + "\n")
    out.flush()
    return errors
