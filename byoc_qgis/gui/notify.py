"""User feedback: short messages in the QGIS message bar, details in the log panel under a "BYOC" tab.

Routine errors never open modal dialogs. Every text passes through :func:`scrub`, which removes the secrets the
plugin has seen this session (client secrets, S3 secret keys, tokens), so nothing secret reaches the message bar or
the log even if a library put one into an exception text.
"""

from __future__ import annotations

import threading
from typing import Optional, Set

from qgis.core import Qgis, QgsMessageLog

from ..core.errors import CancelledError, SentinelHubError
from ..core.progress import Cancelled
from ..translation import tr

__all__ = ["LOG_TAG", "Notifier", "scrub", "register_secret", "error_summary", "error_details", "log"]

LOG_TAG = "BYOC"
_secrets: Set[str] = set()
_lock = threading.Lock()


def register_secret(value: Optional[str]) -> None:
    """Remember a secret so that :func:`scrub` removes it from every message."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def scrub(text: str) -> str:
    """``text`` without any registered secret (replaced by ``***``)."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, "***")
    return text


def error_summary(exc: BaseException) -> str:
    """One line for the message bar: the service's own message (with its violations) or the exception text."""
    if isinstance(exc, (Cancelled, CancelledError)):
        return tr("Cancelled.")
    if isinstance(exc, SentinelHubError):
        parts = [exc.message]
        for item in exc.errors[:3]:
            violation = item.get("violation") or item.get("message") or ""
            param = item.get("parameter")
            if violation and violation.strip() not in exc.message:
                parts.append(f"{param}: {violation}" if param else violation)
        text = " — ".join(p.strip() for p in parts if p and p.strip())
        if exc.status:
            text = f"HTTP {exc.status}: {text}"
        return scrub(text)
    text = str(exc).strip() or type(exc).__name__
    return scrub(text.splitlines()[0] if len(text) > 300 else text.replace("\n", " "))


def error_details(exc: BaseException) -> str:
    """The full text for the log panel (method, path, status, code, message, errors)."""
    return scrub(f"{type(exc).__name__}: {exc}")


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    """A line in the "BYOC" tab of the log panel (thread-safe)."""
    QgsMessageLog.logMessage(scrub(message), LOG_TAG, level, False)


class Notifier:
    """Message bar + log panel for one QGIS interface (``iface`` may be None: then only the log is used)."""

    DURATION = 8

    def __init__(self, iface) -> None:
        self.iface = iface

    def _bar(self):
        if self.iface is None:
            return None
        try:
            return self.iface.messageBar()
        except (AttributeError, RuntimeError):
            return None

    def _push(self, title: str, text: str, level, duration: Optional[int] = None) -> None:
        bar = self._bar()
        if bar is not None:
            bar.pushMessage(scrub(title), scrub(text), level, self.DURATION if duration is None else duration)

    def info(self, title: str, text: str) -> None:
        """An informational message in the bar and the log."""
        log(f"{title}: {text}", Qgis.MessageLevel.Info)
        self._push(title, text, Qgis.MessageLevel.Info)

    def success(self, title: str, text: str) -> None:
        """A success message in the bar and the log."""
        log(f"{title}: {text}", Qgis.MessageLevel.Success)
        self._push(title, text, Qgis.MessageLevel.Success)

    def warning(self, title: str, text: str) -> None:
        """A warning in the bar and the log."""
        log(f"{title}: {text}", Qgis.MessageLevel.Warning)
        self._push(title, text, Qgis.MessageLevel.Warning)

    def error(self, title: str, exc_or_text) -> None:
        """An error: the service's message in the bar, the details in the "BYOC" log tab."""
        if isinstance(exc_or_text, BaseException):
            if isinstance(exc_or_text, (Cancelled, CancelledError)):
                self.info(title, tr("Cancelled."))
                return
            summary, details = error_summary(exc_or_text), error_details(exc_or_text)
        else:
            summary = details = str(exc_or_text)
        log(f"{title}: {details}", Qgis.MessageLevel.Critical)
        self._push(title, summary + " " + tr("(details in the BYOC log tab)"), Qgis.MessageLevel.Critical, 0)
