"""User feedback: short messages in the QGIS message bar, details in the log panel under a "BYOC" tab.

Routine errors never open modal dialogs. Every text passes through :func:`scrub`, which removes the secrets the
plugin has seen this session (client secrets, S3 secret keys, tokens), so nothing secret reaches the message bar or
the log even if a library put one into an exception text.
"""

from __future__ import annotations

import threading
from typing import Callable, List, Optional, Set, Tuple

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QPushButton

from ..core.errors import (
    AuthError,
    CancelledError,
    CredentialsError,
    ForbiddenError,
    NetworkError,
    SentinelHubError,
    is_transient,
)
from ..core.progress import Cancelled
from ..core.s3 import S3Error
from ..translation import tr
from ..wording import describe_error, s3_error_text, worded_of, worded_text

__all__ = [
    "LOG_TAG",
    "Notifier",
    "scrub",
    "register_secret",
    "error_summary",
    "error_details",
    "log",
    "elide",
    "connection_problem",
    "retry_helps",
    "MAX_BAR_CHARS",
]

MAX_BAR_CHARS = 300  # longer texts are cut in the message bar (the log tab has them whole)

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


def elide(text: str, limit: int = MAX_BAR_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def connection_problem(exc) -> bool:
    """True when editing the connection may fix ``exc``: no answer, refused credentials, unreadable authcfg."""
    if isinstance(exc, str):
        return "Cannot reach " in exc or "authentication configuration" in exc
    if isinstance(exc, (NetworkError, CredentialsError)):
        return True
    return isinstance(exc, AuthError) and not isinstance(exc, ForbiddenError)


def retry_helps(exc) -> bool:
    """True when trying again later may work: no connection, a 5xx, rate limited, a locked auth database."""
    if isinstance(exc, str):
        return True
    return is_transient(exc) or isinstance(exc, CredentialsError)


def error_summary(exc: BaseException) -> str:
    """One line for the message bar: the service's own message (with its violations) or the exception text."""
    if isinstance(exc, (Cancelled, CancelledError)):
        return tr("Cancelled.")
    if isinstance(exc, NetworkError) or (isinstance(exc, SentinelHubError) and is_transient(exc)):
        return scrub(describe_error(exc))
    if isinstance(exc, S3Error):  # worded by core: in the user's language
        return scrub(s3_error_text(exc))
    if worded_of(exc) is not None:  # a validation or credentials error core words: in the user's language
        return scrub(worded_text(exc))
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
    """The full text for the log panel (method, path, status, code, message, errors; the library's own text)."""
    text = f"{type(exc).__name__}: {exc}"
    detail = getattr(exc, "detail", None)
    if detail:
        text += f" [{detail}]"
    return scrub(text)


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    """A line in the "BYOC" tab of the log panel (thread-safe)."""
    QgsMessageLog.logMessage(scrub(message), LOG_TAG, level, False)


Action = Tuple[str, Callable[[], None]]


class Notifier:
    """Message bar + log panel for one QGIS interface (``iface`` may be None: then only the log is used).

    ``edit_connection`` (set by the dock) is offered as an "Edit connection" button on errors that editing the
    connection may fix; callers pass ``retry`` to offer "Retry" on errors that may go away.
    """

    DURATION = 8

    def __init__(self, iface, edit_connection: Optional[Callable[[], None]] = None) -> None:
        self.iface = iface
        self.edit_connection = edit_connection

    def _bar(self):
        if self.iface is None:
            return None
        try:
            return self.iface.messageBar()
        except (AttributeError, RuntimeError):
            return None

    def close(self, item) -> bool:
        """Remove a message-bar item this notifier pushed; False when it is gone already (closed by the user)."""
        bar = self._bar()
        if bar is None:
            return False
        try:
            bar.popWidget(item)
        except RuntimeError:  # closed by the user
            return False
        return True

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

    def error(
        self,
        title: str,
        exc_or_text,
        retry: Optional[Callable[[], None]] = None,
        edit: Optional[Callable[[], None]] = None,
    ):
        """An error: a sentence in the bar (with Retry / Edit connection where they help), details in the log.

        Returns the message-bar item when buttons were added (else None).
        """
        if isinstance(exc_or_text, BaseException):
            if isinstance(exc_or_text, (Cancelled, CancelledError)):
                self.info(title, tr("Cancelled."))
                return None
            summary, details = error_summary(exc_or_text), error_details(exc_or_text)
        else:
            summary = details = str(exc_or_text)
        log(f"{title}: {details}", Qgis.MessageLevel.Critical)
        actions: List[Action] = []
        if retry is not None and retry_helps(exc_or_text):
            actions.append((tr("Retry"), retry))
        edit = edit or self.edit_connection
        if edit is not None and connection_problem(exc_or_text):
            actions.append((tr("Edit connection…"), edit))
        hint = tr("(details in the BYOC log tab)")
        if actions:  # the sentence and its buttons on one line; the hint in the tooltip
            item = self.push_with_actions(title, elide(summary), Qgis.MessageLevel.Critical, actions)
            if item is not None:
                item.setToolTip(hint)
            return item
        self._push(title, elide(summary) + " " + hint, Qgis.MessageLevel.Critical, 0)
        return None

    def push_with_actions(self, title: str, text: str, level, actions: List[Action], duration: int = 0):
        """A message-bar item with a button per action; a click closes the item and runs the action."""
        bar = self._bar()
        if bar is None:
            return None
        item = bar.createMessage(scrub(title), scrub(elide(text, MAX_BAR_CHARS + 40)))
        item.setLevel(level)
        item.setDuration(duration)
        for label, callback in actions:
            button = QPushButton(label, item)
            button.setObjectName("byoc_action_" + label.strip("…").replace(" ", "_").lower())
            button.clicked.connect(lambda _checked=False, cb=callback, it=item: self._run_action(bar, it, cb))
            item.layout().addWidget(button)
        bar.pushItem(item)
        return item

    @staticmethod
    def _run_action(bar, item, callback: Callable[[], None]) -> None:
        try:
            bar.popWidget(item)
        except RuntimeError:  # already closed
            pass
        try:
            callback()
        except Exception as exc:  # noqa: BLE001 - a failing action is reported, never a traceback dialog
            log(tr("The action failed: {}").format(error_details(exc)), Qgis.MessageLevel.Critical)
