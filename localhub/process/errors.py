"""The Process API's own error type, rendered by the router as the service's ``{"error": {...}}`` body."""

from __future__ import annotations

from typing import List, Optional


class ProcessError(Exception):
    """A request the Process API refuses: HTTP status, service error code, message and optional ``errors``."""

    def __init__(self, status: int, code: str, message: str, errors: Optional[List[dict]] = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def __repr__(self) -> str:
        return f"ProcessError({self.status}, {self.code!r}, {self.message!r})"


def bad_payload(message: str, parameter: Optional[str] = None, violation: Optional[str] = None) -> ProcessError:
    """400 ``COMMON_BAD_PAYLOAD``; with ``parameter`` also an ``errors`` list like the service's validator."""
    errors = None
    if parameter is not None:
        errors = [{"parameter": parameter, "violation": violation or message.strip()}]
    return ProcessError(400, "COMMON_BAD_PAYLOAD", message, errors)


def common_exception(message: str) -> ProcessError:
    """400 ``COMMON_EXCEPTION`` (missing evalscript, resolution over the collection's limit)."""
    return ProcessError(400, "COMMON_EXCEPTION", message)


def renderer_exception(message: str) -> ProcessError:
    """400 ``RENDERER_EXCEPTION``: the evalscript failed, timed out or asked for something the data lacks."""
    return ProcessError(400, "RENDERER_EXCEPTION", message)
