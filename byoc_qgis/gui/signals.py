"""Signal connections kept by their owner, so they can all be undone at once (plugin unload, the end of a load).

Connections to long-lived objects (``iface``, ``QgsProject.instance()``, map layers that stay in the project) must
not outlive the plugin: a slot of an unloaded plugin would still run.
"""

from __future__ import annotations

from typing import Any, Callable, List, Tuple

__all__ = ["Connections"]


class Connections:
    """Connect through :meth:`connect`; :meth:`disconnect_all` undoes every connection made (and still there)."""

    def __init__(self) -> None:
        self._made: List[Tuple[Any, Callable]] = []

    def connect(self, signal, slot: Callable) -> None:
        """``signal.connect(slot)``, remembered."""
        signal.connect(slot)
        self._made.append((signal, slot))

    def disconnect_all(self) -> None:
        """Undo every connection; a sender that is already gone is skipped."""
        made, self._made = self._made, []
        for signal, slot in reversed(made):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # already disconnected, or the sender was deleted
                pass

    def __len__(self) -> int:
        return len(self._made)
