"""Progress reporting and cancellation shared by long-running core functions.

Core functions take ``progress: (fraction, message) -> None`` and ``cancel: () -> bool`` so a ``QgsTask`` or a
Processing feedback can drive them without core importing QGIS. :class:`Progress` bundles both, maps sub-steps
onto parts of the 0..1 range and raises :class:`Cancelled` at check points.
"""

from __future__ import annotations

from typing import Callable, Optional

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled the operation; partial outputs have been removed."""

    def __init__(self, message: str = "Cancelled by the user.") -> None:
        super().__init__(message)


class Progress:
    """Reports fractions in [start, end] of an outer callback and checks for cancellation.

    ``Progress(cb, cancel).sub(0.0, 0.5)`` gives a child whose 0..1 maps to 0..0.5 of the parent.
    """

    def __init__(
        self,
        callback: Optional[ProgressFn] = None,
        cancel: Optional[CancelFn] = None,
        start: float = 0.0,
        end: float = 1.0,
    ) -> None:
        self._callback = callback
        self._cancel = cancel
        self.start = start
        self.end = end

    @classmethod
    def of(cls, progress=None, cancel: Optional[CancelFn] = None) -> Progress:
        """Accept a Progress, a callback or None."""
        if isinstance(progress, Progress):
            if cancel is None:
                return progress
            return cls(progress._callback, cancel, progress.start, progress.end)
        return cls(progress, cancel)

    def __call__(self, fraction: float, message: str = "") -> None:
        """Report ``fraction`` (0..1 of this step) and raise :class:`Cancelled` if cancellation was requested."""
        self.check()
        if self._callback is not None:
            f = min(1.0, max(0.0, float(fraction)))
            self._callback(self.start + (self.end - self.start) * f, message)

    def cancelled(self) -> bool:
        """True when the caller asked to stop."""
        return bool(self._cancel is not None and self._cancel())

    def check(self) -> None:
        """Raise :class:`Cancelled` when the caller asked to stop."""
        if self.cancelled():
            raise Cancelled()

    def sub(self, start: float, end: float) -> Progress:
        """A child progress covering [start, end] of this one."""
        span = self.end - self.start
        return Progress(self._callback, self._cancel, self.start + span * start, self.start + span * end)

    def gdal_callback(self, message: str = ""):
        """A GDAL progress callback (returns 0 to make GDAL stop when cancelled)."""

        def cb(complete, _msg=None, _data=None):
            if self.cancelled():
                return 0
            if self._callback is not None:
                f = min(1.0, max(0.0, float(complete)))
                self._callback(self.start + (self.end - self.start) * f, message)
            return 1

        return cb
