"""One guard for the GUI's slots, timers and task callbacks: a routine failure never shows a Python traceback.

A locked authentication database, a deleted authcfg, a refused connection, a 5xx or an unexpected exception in a
slot becomes a message-bar error with a way out (Retry, Edit connection: see :class:`~.notify.Notifier`) and the
traceback goes to the "BYOC" log tab only. Use :func:`guarded` on methods of objects that have a ``notifier``::

    @guarded(lambda self: tr("Show tiles"))
    def show_tiles(self, collection_id=None): ...
"""

from __future__ import annotations

import functools
import traceback
from typing import Any, Callable, Optional, TypeVar

from qgis.core import Qgis

from ..core.errors import SentinelHubError
from .notify import log, scrub

__all__ = ["guarded", "log_unexpected", "call_logged"]

F = TypeVar("F", bound=Callable[..., Any])
ROUTINE = (SentinelHubError, ValueError, OSError)  # expected failures: a message, no traceback in the log


def log_unexpected(where: str, exc: BaseException) -> None:
    """The traceback of an unexpected exception in the "BYOC" log tab (secrets scrubbed)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log(scrub(f"{where}: {text}"), Qgis.MessageLevel.Critical)


def guarded(title: Callable[[Any], str], retry: bool = True, notify: bool = True) -> Callable[[F], F]:
    """Decorate a method of an object with a ``notifier``: exceptions become a message-bar error titled
    ``title(self)`` (with a Retry button that calls the method again with the same arguments when ``retry`` and
    the error may go away); the method then returns None. ``notify=False`` only logs (for slots that run on
    every selection change, where a message each time would be noise)."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - the guard's whole point
                again: Optional[Callable[[], Any]] = (lambda: wrapper(self, *args, **kwargs)) if retry else None
                name = title(self)
                if not notify or not isinstance(exc, ROUTINE):
                    log_unexpected(name, exc)  # a bug: keep the traceback (in the log tab, not a dialog)
                notifier = getattr(self, "notifier", None)
                if notify and notifier is not None:
                    notifier.error(name, exc, retry=again)
                return None

        return wrapper  # type: ignore[return-value]

    return decorate


def call_logged(where: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``; an exception is logged with its traceback (for callbacks with nobody to tell)."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - never let a callback's bug become a traceback dialog
        log_unexpected(where, exc)
        return None
