"""Processing feedback → the progress/cancel callbacks core functions take, and core errors → QgsProcessingException.

Core never imports QGIS: it takes ``progress(fraction, message)`` and ``cancel() -> bool`` (``core.progress``),
``(done, total, ...)`` callbacks (``core.ingestion``) or GDAL-style callbacks. :class:`FeedbackBridge` provides all
of them from one ``QgsProcessingFeedback`` and maps sub-steps onto parts of the progress bar.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator, Optional

from qgis.core import QgsProcessingException, QgsProcessingFeedback

from ..core.errors import NetworkError, SentinelHubError
from ..core.gdal_compat import GdalError
from ..core.progress import Cancelled
from ..core.s3 import S3Error
from ..translation import tr
from ..wording import network_error_text, s3_error_text, worded_text

__all__ = ["FeedbackBridge", "service_errors", "cancelled_exception"]


def cancelled_exception() -> QgsProcessingException:
    """The exception an algorithm raises when the user cancelled it."""
    return QgsProcessingException(tr("Cancelled by the user."))


class FeedbackBridge:
    """Progress in [start, end] percent of a Processing feedback, plus its cancel flag, as core callbacks.

    Thread-safe: worker threads may report progress (Processing's feedback forwards it to the GUI thread).
    """

    def __init__(self, feedback: Optional[QgsProcessingFeedback], start: float = 0.0, end: float = 100.0) -> None:
        self.feedback = feedback or QgsProcessingFeedback()
        self.start = start
        self.end = end
        self._lock = threading.Lock()
        self._last_message = ""

    def sub(self, start: float, end: float) -> FeedbackBridge:
        """A bridge for the part [start, end] (fractions 0..1) of this one."""
        span = self.end - self.start
        return FeedbackBridge(self.feedback, self.start + span * start, self.start + span * end)

    # -- cancel ----------------------------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """``cancel()`` callback for core: True once the user pressed Cancel."""
        return self.feedback.isCanceled()

    def check(self) -> None:
        """Raise the Processing cancel exception if the user cancelled."""
        if self.feedback.isCanceled():
            raise cancelled_exception()

    # -- progress --------------------------------------------------------------------------------------------------
    def fraction(self, value: float, message: str = "") -> None:
        """``progress(fraction, message)`` callback (``core.progress`` style)."""
        value = min(1.0, max(0.0, float(value)))
        with self._lock:
            self.feedback.setProgress(self.start + (self.end - self.start) * value)
            if message and message != self._last_message:
                self._last_message = message
                self.feedback.setProgressText(message)

    __call__ = fraction

    def counts(self, done: int, total: int, *_args) -> None:
        """``progress(done, total, ...)`` callback (``core.ingestion`` style)."""
        self.fraction(done / total if total else 1.0)

    def gdal(self) -> Callable:
        """A GDAL progress callback that also stops GDAL (returns 0) when cancelled."""

        def callback(complete, _message=None, _data=None):
            if self.feedback.isCanceled():
                return 0
            self.fraction(complete)
            return 1

        return callback

    def info(self, text: str) -> None:
        """A line in the algorithm's log."""
        self.feedback.pushInfo(text)

    def warning(self, text: str) -> None:
        """A warning line in the algorithm's log (``reportError(fatal=False)``)."""
        self.feedback.reportError(text, False)


@contextlib.contextmanager
def service_errors(what: str) -> Iterator[None]:
    """Turn core and GDAL errors raised inside the block into ``QgsProcessingException``.

    The text carries the service's own message (``SentinelHubError.__str__`` shows method, path, status, code,
    message and the ``errors`` list); ``what`` says what was being done. Cancellation becomes the standard
    "Cancelled" exception. Secrets never reach these texts: core builds them from error bodies and paths only.
    """
    try:
        yield
    except QgsProcessingException:
        raise
    except Cancelled:  # core.errors.CancelledError is a Cancelled too
        raise cancelled_exception() from None
    except NetworkError as exc:  # our own sentence ("Cannot reach …") in the user's language
        raise QgsProcessingException(f"{what}: {str(exc).replace(exc.message, network_error_text(exc))}") from None
    except SentinelHubError as exc:
        raise QgsProcessingException(f"{what}: {exc}") from None
    except S3Error as exc:  # worded by core (a storage problem, batch results): in the user's language
        raise QgsProcessingException(f"{what}: {s3_error_text(exc)}") from None
    except (GdalError, ValueError, OSError) as exc:  # a ValueError core words (WordedError) in the user's language
        raise QgsProcessingException(f"{what}: {worded_text(exc)}") from None
