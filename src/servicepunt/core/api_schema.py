"""The OpenAPI document names every error answer: each operation lists the problem+json answers
it can give (400 invalid input, 403 no access, 404 for a path naming an object, 415 for a body
that is not JSON), so a client, and schemathesis, can rely on them."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from servicepunt.core.api import PROBLEM_CONTENT_TYPE, ProblemSerializer

_BODY_METHODS = ("POST", "PUT", "PATCH")


def problem_answer(description: str) -> OpenApiResponse:
    return OpenApiResponse(ProblemSerializer, description=description)


def conflict_response(description: str) -> dict[Any, OpenApiResponse]:
    """For `extend_schema(responses=…)`: a 409 that an operation's own rule can give."""
    return {(409, PROBLEM_CONTENT_TYPE): problem_answer(description)}


class ProblemAutoSchema(AutoSchema):
    def _problems(self) -> dict[int, str]:
        problems = {
            400: "Invalid input: `invalid_params` names each field or parameter and what is wrong with it.",
            403: "Not signed in, or no permission for this operation.",
        }
        if "{" in self.path:
            problems[404] = "Not found, or not visible to you (a malformed identifier included)."
        if self.method in _BODY_METHODS:
            problems[415] = "The body is not JSON (Content-Type application/json)."
        return problems

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for status_code, description in self._problems().items():
            code = str(status_code)
            if code not in responses:
                responses[code] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    problem_answer(description), code, [PROBLEM_CONTENT_TYPE], direction
                )
        return dict(sorted(responses.items()))
