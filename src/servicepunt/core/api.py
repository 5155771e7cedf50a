"""API error handling: every error is answered as RFC 9457 problem+json naming the field."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from servicepunt.core.api_input import parameters_refused
from servicepunt.core.errors import ServicepuntError

PROBLEM_CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"
# Headers that tell the client what to do next; a problem answer keeps them.
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After")


def _titles() -> dict[int, str]:
    # Built per call, not at import: the title is in the language of the request.
    return {
        400: _("Ongeldige invoer"),
        401: _("Niet ingelogd"),
        403: _("Geen toegang"),
        404: _("Niet gevonden"),
        405: _("Deze methode kan hier niet"),
        406: _("Dit antwoordformaat kan niet"),
        409: _("Dit kan nu niet"),
        413: _("Het verzoek is te groot"),
        415: _("Dit soort inhoud kan niet; stuur JSON"),
        429: _("Te veel verzoeken"),
        500: _("Er ging iets mis bij ons"),
    }


def problem_title(status_code: int) -> str:
    return _titles().get(status_code) or HTTPStatus(status_code).phrase


def problem_code(status_code: int) -> str:
    """The last part of the problem type for a status without a more specific code."""
    return HTTPStatus(status_code).phrase.lower().replace(" ", "-")


def problem_body(
    *, status_code: int, title: str, detail: str, code: str, invalid_params: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:servicepunt:problem:{code}",
        "title": title,
        "status": status_code,
        "detail": detail,
    }
    if invalid_params:
        body["invalid_params"] = invalid_params
    return body


def problem_response(
    *, status_code: int, title: str, detail: str, code: str, invalid_params: list[dict[str, str]] | None = None
) -> Response:
    body = problem_body(status_code=status_code, title=title, detail=detail, code=code, invalid_params=invalid_params)
    return Response(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


def problem_http_response(
    *,
    status_code: int,
    detail: str | None = None,
    code: str | None = None,
    invalid_params: list[dict[str, str]] | None = None,
) -> HttpResponse:
    """The same problem+json for answers that never reach DRF (unknown path, server error, a
    parameter refused before the view)."""
    title = problem_title(status_code)
    body = problem_body(
        status_code=status_code,
        title=title,
        detail=detail or title,
        code=code or problem_code(status_code),
        invalid_params=invalid_params,
    )
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def invalid_input_response(params: list[dict[str, str]]) -> HttpResponse:
    return problem_http_response(
        status_code=400,
        detail="; ".join(f"{p['name']}: {p['reason']}" for p in params),
        code="invalid-input",
        invalid_params=params,
    )


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


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ServicepuntError):
        params = [{"name": exc.field, "reason": exc.message}] if exc.field else None
        return problem_response(
            status_code=exc.status,
            title=problem_title(exc.status),
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
            title=problem_title(status.HTTP_400_BAD_REQUEST),
            detail=detail,
            code="invalid-input",
            invalid_params=params,
        )
    problem = problem_response(
        status_code=response.status_code,
        title=problem_title(response.status_code),
        detail=str(exc.detail),
        code=str(exc.default_code).replace("_", "-"),
    )
    for header in _KEPT_HEADERS:
        if header in response:
            problem[header] = response[header]
    return problem


class InvalidParamSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(help_text="Het veld of de parameter, bijvoorbeeld `text` of `housing.monthly_rent`.")
    reason = serializers.CharField(help_text="Wat er niet klopt, in gewone woorden.")


# Serializers for the OpenAPI document only: the answers themselves are built by problem_body.
class ProblemSerializer(serializers.Serializer[Any]):
    """An error answer (RFC 9457, application/problem+json)."""

    type = serializers.CharField(help_text="urn:servicepunt:problem:<code>")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    invalid_params = InvalidParamSerializer(many=True, required=False, help_text="Bij ongeldige invoer: per veld.")


class ApiProblemMiddleware:
    """Everything under /api/ answers problem+json, also what never reaches DRF: an unknown path
    (a malformed uuid in a path matches no route), Django's 404 and 500 pages, a CSRF refusal."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response: HttpResponse = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE):
            return response
        problem = problem_http_response(status_code=response.status_code)
        for header in _KEPT_HEADERS:
            if header in response:
                problem[header] = response[header]
        return problem

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: tuple[Any, ...], view_kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        params = parameters_refused(query=request.GET, path=view_kwargs)
        return invalid_input_response(params) if params else None
