"""Service errors rendered in Sentinel Hub's wrapped shape ``{"error": {status, reason, message, code[, errors]}}``."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Mapping, Optional

from starlette.responses import Response


def reason_phrase(status: int) -> str:
    """The HTTP reason phrase for ``status`` ("Bad Request", ...)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class ApiError(Exception):
    """An error answered to the client as ``{"error": {...}}`` with HTTP ``status``.

    ``code`` is one of the service's codes (``COMMON_BAD_PAYLOAD``, ``COMMON_NOT_FOUND``, ...); ``errors`` is the
    optional detail (a list of ``{parameter, violation}`` or an object); ``headers`` are extra response headers.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        errors: Any = None,
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = dict(headers or {})

    def body(self) -> dict:
        """The wrapped error body."""
        inner = {
            "status": self.status,
            "reason": reason_phrase(self.status),
            "message": self.message,
            "code": self.code,
        }
        if self.errors is not None:
            inner["errors"] = self.errors
        return {"error": inner}

    def to_response(self) -> Response:
        """A JSON response carrying this error."""
        return error_response(self.status, self.code, self.message, self.errors, self.headers)


def error_response(
    status: int,
    code: str,
    message: str,
    errors: Any = None,
    headers: Optional[Mapping[str, str]] = None,
) -> Response:
    """A wrapped JSON error response."""
    body = ApiError(status, code, message, errors).body()
    return Response(
        content=json.dumps(body),
        status_code=status,
        media_type="application/json",
        headers=dict(headers or {}),
    )


def bad_payload(message: str, parameter: Optional[str] = None) -> ApiError:
    """400 ``COMMON_BAD_PAYLOAD``; with ``parameter`` the body also has ``errors: {parameter, violation}``
    (an object, as the BYOC schema declares ``errors``)."""
    errors = {"parameter": parameter, "violation": message} if parameter else None
    return ApiError(400, "COMMON_BAD_PAYLOAD", message, errors)


def not_found(message: str) -> ApiError:
    """404 ``COMMON_NOT_FOUND``."""
    return ApiError(404, "COMMON_NOT_FOUND", message)


def unauthorized(message: str) -> ApiError:
    """401 ``COMMON_UNAUTHORIZED``."""
    return ApiError(401, "COMMON_UNAUTHORIZED", message)
