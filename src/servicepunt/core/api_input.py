"""What the API refuses before any view or serializer sees it: parameters and body strings with
control characters (PostgreSQL refuses a NUL byte), over-long values, bodies that are not UTF-8
JSON or nested too deep. Each refusal is a 400 naming the parameter or field, in the
words of core.validation, so the API says what the pages and the CLI say."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

from servicepunt.core.errors import InvalidInput
from servicepunt.core.validation import text_checked

# Every query and path parameter of the API is a code, a name, a postcode or a date: far shorter.
PARAMETER_MAX_LENGTH = 200
# A backstop above the longest text any operation takes (a resident's story for triage: 20,000
# characters); each field's own limit is named by its serializer or service.
BODY_STRING_MAX_LENGTH = 100_000
# A situation is three levels deep; nothing the API takes needs more.
BODY_MAX_DEPTH = 20


def _printable(name: str) -> str:
    """A parameter name fit to repeat in the answer (its control characters escaped)."""
    return name.encode("unicode_escape").decode("ascii")


def _refusal(value: object, *, name: str, max_length: int) -> dict[str, str] | None:
    try:
        text_checked(value, field=name, max_length=max_length)
    except InvalidInput as error:
        return {"name": error.field or name, "reason": error.message}
    return None


def parameters_refused(*, query: Any, path: Mapping[str, Any]) -> list[dict[str, str]]:
    """The refusals for the query parameters (every value of each) and the path parameters."""
    refused = []
    for key in query:
        name = _printable(key)
        refusal = _refusal(key, name=name, max_length=PARAMETER_MAX_LENGTH)
        for value in query.getlist(key):
            refusal = refusal or _refusal(value, name=name, max_length=PARAMETER_MAX_LENGTH)
        if refusal:
            refused.append(refusal)
    for key, value in path.items():
        if isinstance(value, str) and (refusal := _refusal(value, name=key, max_length=PARAMETER_MAX_LENGTH)):
            refused.append(refusal)
    return refused


def _body_refusals(data: Any) -> list[dict[str, str]]:
    """Every string in the body (keys too), walked without recursion so depth costs no stack."""
    refused: list[dict[str, str]] = []
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    while stack:
        path, node, depth = stack.pop()
        if depth > BODY_MAX_DEPTH:
            refused.append(
                {"name": path, "reason": _("Te diep genest (hoogstens %(max)s lagen).") % {"max": BODY_MAX_DEPTH}}
            )
            continue
        if isinstance(node, str):
            if refusal := _refusal(node, name=path or "(body)", max_length=BODY_STRING_MAX_LENGTH):
                refused.append(refusal)
        elif isinstance(node, dict):
            for key, value in node.items():
                child = f"{path}.{_printable(key)}" if path else _printable(key)
                if refusal := _refusal(key, name=child, max_length=PARAMETER_MAX_LENGTH):
                    refused.append(refusal)
                    continue
                stack.append((child, value, depth + 1))
        elif isinstance(node, list):
            stack.extend((f"{path}[{index}]", item, depth + 1) for index, item in enumerate(node))
    return sorted(refused, key=lambda refusal: refusal["name"])


def _constant_refused(name: str) -> Any:
    raise ValueError(f"{name} is geen getal in JSON")


class CheckedJSONParser(parsers.JSONParser):
    """JSON only, UTF-8 only, bounded in depth, and no string that core.validation refuses. (The
    size is bounded before: Django refuses a body above DATA_UPLOAD_MAX_MEMORY_SIZE.)"""

    def parse(self, stream: IO[bytes] | None, media_type: str | None = None, parser_context: Any = None) -> Any:
        raw = stream.read() if stream is not None else b""
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise exceptions.ParseError(_("De inhoud is geen UTF-8.")) from error
        try:
            data = json.loads(text, parse_constant=_constant_refused)
        except RecursionError as error:
            raise exceptions.ParseError(_("De JSON is te diep genest.")) from error
        except ValueError as error:
            raise exceptions.ParseError(_("Geen geldige JSON: %(error)s") % {"error": error}) from error
        refused = _body_refusals(data)
        if refused:
            raise exceptions.ValidationError({refusal["name"]: [refusal["reason"]] for refusal in refused})
        return data
