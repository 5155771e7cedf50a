"""API error handling: every error is answered as RFC 9457 problem+json naming the field."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from servicepunt.core.errors import ServicepuntError

PROBLEM_CONTENT_TYPE = "application/problem+json"


def _flatten(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    if isinstance(detail, dict):
        params: list[dict[str, str]] = []
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            params.extend(_flatten(value, name))
        return params
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [{"name": prefix or "non_field_errors", "reason": " ".join(str(d) for d in detail)}]
        params = []
        for index, item in enumerate(detail):
            params.extend(_flatten(item, f"{prefix}[{index}]" if prefix else str(index)))
        return params
    return [{"name": prefix or "non_field_errors", "reason": str(detail)}]


def problem_response(
    *, status_code: int, title: str, detail: str, code: str, invalid_params: list[dict[str, str]] | None = None
) -> Response:
    body: dict[str, Any] = {
        "type": f"urn:servicepunt:problem:{code}",
        "title": title,
        "status": status_code,
        "detail": detail,
    }
    if invalid_params:
        body["invalid_params"] = invalid_params
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ServicepuntError):
        params = [{"name": exc.field, "reason": exc.message}] if exc.field else None
        return problem_response(
            status_code=exc.status,
            title=exc.code.replace("-", " "),
            detail=str(exc),
            code=exc.code,
            invalid_params=params,
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        detail = "; ".join(f"{p['name']}: {p['reason']}" for p in params)
        return problem_response(
            status_code=status.HTTP_400_BAD_REQUEST,
            title="invalid input",
            detail=detail,
            code="invalid-input",
            invalid_params=params,
        )
    problem = problem_response(
        status_code=response.status_code,
        title=str(exc.default_detail),
        detail=str(exc.detail),
        code=str(exc.default_code).replace("_", "-"),
    )
    for header in ("WWW-Authenticate", "Retry-After"):
        if header in response:
            problem[header] = response[header]
    return problem
