"""Message-bar notices of tiles layers whose live refresh is in trouble: one item per layer and outage, updated
in place ("Service unreachable — retrying in N s" with Retry / Edit connection, the countdown ticking each
second), closed with "live refresh resumed" when the service answers again."""

from __future__ import annotations

from typing import Callable, Dict, Iterable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.ingestion import Outage
from ..translation import tr
from .notify import Notifier, connection_problem, error_summary, scrub
from .tiles_layer import TilesLayer

__all__ = ["OutageNotices", "waiting_text", "trouble_text"]


def waiting_text(trouble: Outage) -> str:
    """ "service unreachable — retrying in N s" (or failing with its HTTP status), for a transient outage."""
    seconds = trouble.retry_in()
    if trouble.unreachable:
        return tr("service unreachable — retrying in {} s").format(seconds)
    status = getattr(trouble.error, "status", None)
    return tr("service failing (HTTP {}) — retrying in {} s").format(status or "?", seconds)


def trouble_text(trouble: Outage) -> str:
    """Short enough for one line of the message bar; the full sentence is the item's tooltip and in the log."""
    if trouble.transient:
        waiting = waiting_text(trouble)
        return waiting[:1].upper() + waiting[1:]
    return tr("Live refresh stopped: {}").format(error_summary(trouble.error))


class OutageNotices(QObject):
    """The notices of the tiles layers given by ``controllers()``; ``ticked`` each second while one waits."""

    ticked = pyqtSignal()

    def __init__(
        self,
        notifier: Notifier,
        controllers: Callable[[], Iterable[TilesLayer]],
        edit_connection: Callable[[], None],
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.items: Dict[int, object] = {}  # id(controller) → its message-bar item while in trouble
        self._controllers = controllers
        self._edit_connection = edit_connection
        self._countdown = QTimer(self)  # "retrying in N s" ticks while a tiles layer waits for the service
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def update(self, ctl: TilesLayer) -> None:
        """A tiles layer's live refresh ran into trouble or out of it: its item appears, changes or goes."""
        title = tr("Tiles of {}").format(ctl.collection_name)
        trouble = ctl.trouble
        if trouble is None:
            if self.close(ctl):
                self.notifier.success(title, tr("Service reachable again: live refresh resumed"))
        else:
            self._show(ctl, title, trouble)
        if any(c.trouble is not None and c.trouble.transient for c in self._controllers()):
            self._countdown.start()
        else:
            self._countdown.stop()

    def _show(self, ctl: TilesLayer, title: str, trouble: Outage) -> None:
        item = self.items.get(id(ctl))
        text = trouble_text(trouble)
        try:
            if item is not None:
                item.setText(scrub(text))
        except RuntimeError:  # the user closed it: do not push it again during this outage
            item = None
        if item is None and id(ctl) not in self.items:
            actions = [(tr("Retry"), ctl.retry_now)]
            if connection_problem(trouble.error):
                actions.append((tr("Edit connection…"), self._edit_connection))
            level = Qgis.MessageLevel.Warning if trouble.transient else Qgis.MessageLevel.Critical
            item = self.notifier.push_with_actions(title, text, level, actions)
            if item is not None:
                item.setToolTip(scrub(error_summary(trouble.error)))
            self.items[id(ctl)] = item

    def close(self, ctl: TilesLayer) -> bool:
        """Remove the layer's item (if it is still shown); returns whether one was removed."""
        item = self.items.pop(id(ctl), None)
        return item is not None and self.notifier.close(item)

    def _tick(self) -> None:
        """Each second: the countdown in the message-bar items (and, through ``ticked``, elsewhere)."""
        for ctl in list(self._controllers()):
            item = self.items.get(id(ctl))
            if ctl.trouble is not None and ctl.trouble.transient and item is not None:
                try:
                    item.setText(scrub(trouble_text(ctl.trouble)))
                except RuntimeError:
                    pass
        self.ticked.emit()

    def stop(self) -> None:
        """Close every item and stop the countdown (plugin unload)."""
        self._countdown.stop()
        for ctl in list(self._controllers()):
            self.close(ctl)
        self.items.clear()
