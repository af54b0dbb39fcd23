"""Request body size limit: bodies over the limit get 413 with the service's error envelope, never reach a handler.

A declared ``Content-Length`` over the limit is answered before the handler runs (the body is read and dropped up to
:data:`DRAIN_BYTES`, so the client sees the answer instead of a reset connection); a chunked body is counted as it
arrives and the read that passes the limit raises :class:`BodyTooLarge`, answered by the app's ``ApiError`` handler.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from .errors import ApiError

DRAIN_BYTES = 64 << 20
App = Callable[[dict, Callable, Callable], Awaitable[None]]


class BodyTooLarge(ApiError):
    """413: the request body is larger than localhub accepts."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "COMMON_BAD_PAYLOAD",
            f"The request body is larger than the {_size(limit)} localhub accepts; send a smaller body (or start "
            "localhub with a larger --max-body-size).",
            headers={"Connection": "close"},
        )


def _size(n: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift} {unit}"
    return f"{n} bytes"


async def guard(app: App, scope: dict, receive: Callable, send: Callable, limit: int) -> None:
    """Run ``app`` for an HTTP request whose body must not exceed ``limit`` bytes."""
    declared = _content_length(scope)
    if declared is not None and declared > limit:
        await _drain(receive, min(declared, DRAIN_BYTES))
        await BodyTooLarge(limit).to_response()(scope, receive, send)
        return
    received = 0

    async def counted() -> Any:
        nonlocal received
        message = await receive()
        if message.get("type") == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    await app(scope, counted, send)


def _content_length(scope: dict) -> Any:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _drain(receive: Callable, budget: int) -> None:
    read = 0
    while read <= budget:
        message = await receive()
        if message.get("type") != "http.request":
            return
        read += len(message.get("body", b""))
        if not message.get("more_body"):
            return
