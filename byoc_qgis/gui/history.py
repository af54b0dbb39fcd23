"""Work the dock starts appears in Processing's History, as runs from the toolbox do (and as QuickOSM's do).

QGIS >= 3.24 keeps the history in the history provider registry (``QgsGui.historyProviderRegistry()``, provider
``processing``: the entry holds the Python command, the algorithm id, the parameters and, once finished, the
results and the log, as the algorithm dialog writes it); QGIS 3.22 keeps a log file written by the Processing
plugin's ``ProcessingLog.addToLog(python command)``. The parameters hold authcfg ids, never secrets.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from qgis.gui import QgsGui

from .notify import log

__all__ = ["HistoryEntry", "add_to_history"]


class HistoryEntry:
    """One entry of the Processing History; :meth:`finish` adds the results and the log (QGIS >= 3.24)."""

    def __init__(self, entry_id: Any = None, details: Optional[Dict[str, Any]] = None) -> None:
        self.entry_id = entry_id
        self.details = details or {}

    def finish(self, results: Dict[str, Any], feedback=None) -> None:
        """Record what the run returned (only where the history holds more than the command)."""
        registry = _registry()
        if registry is None or self.entry_id is None or not hasattr(registry, "updateEntry"):
            return
        self.details["results"] = {k: v for k, v in (results or {}).items() if k != "CHILD_INPUTS"}
        if feedback is not None and hasattr(feedback, "htmlLog"):
            self.details["log"] = feedback.htmlLog()
        try:
            registry.updateEntry(self.entry_id, self.details)
        except Exception as exc:  # noqa: BLE001 - history is a convenience: never fail a run for it
            log(f"Processing history: {exc}")


def _registry():
    return QgsGui.historyProviderRegistry() if hasattr(QgsGui, "historyProviderRegistry") else None


def add_to_history(alg, parameters: Dict[str, Any], context) -> HistoryEntry:
    """Add the run of ``alg`` with ``parameters`` to the Processing History (and to the recently used algorithms)."""
    try:
        command = alg.asPythonCommand(parameters, context)
        try:
            QgsGui.instance().processingRecentAlgorithmLog().push(alg.id())
        except (AttributeError, RuntimeError):
            pass
        registry = _registry()
        if registry is None:  # QGIS < 3.24: the Processing plugin's log file
            from processing.core.ProcessingLog import ProcessingLog

            if command:
                ProcessingLog.addToLog(command)
            return HistoryEntry()
        details: Dict[str, Any] = {"python_command": command, "algorithm_id": alg.id()}
        if hasattr(alg, "asMap"):
            details["parameters"] = alg.asMap(parameters, context)
        if hasattr(alg, "asQgisProcessCommand"):
            process_command, ok = alg.asQgisProcessCommand(parameters, context)
            if ok:
                details["process_command"] = process_command
        result = registry.addEntry("processing", details)
        entry_id = result[0] if isinstance(result, tuple) else result
        return HistoryEntry(entry_id, details)
    except Exception as exc:  # noqa: BLE001 - history is a convenience: never fail a run for it
        log(f"Processing history: {exc}")
        return HistoryEntry()
