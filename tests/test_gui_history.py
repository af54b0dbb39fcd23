"""Work the dock starts appears in Processing's History as a run from the toolbox does: QGIS >= 3.24's history
provider registry (command, algorithm id, parameters, then results), QGIS 3.22's Processing log. No secret in it."""

from __future__ import annotations

import pytest

from .test_gui_support import new_collection

pytestmark = pytest.mark.usefixtures("gui_provider")


def _history_entries():
    """(algorithm id or python command, details) of every Processing History entry."""
    from qgis.gui import QgsGui

    if not hasattr(QgsGui, "historyProviderRegistry"):
        from processing.core.ProcessingLog import ProcessingLog

        return [(e.text, {"python_command": e.text}) for e in ProcessingLog.getLogEntries()]
    entries = QgsGui.historyProviderRegistry().queryEntries()
    return [(e.entry.get("algorithm_id", ""), dict(e.entry)) for e in entries if e.providerId == "processing"]


def test_dock_started_work_appears_in_processing_history(dock, localhub):
    from .watchdog import wait_until

    client = dock.client()
    col = new_collection(client, name="history-gui")
    before = len(_history_entries())
    dock.refresh_collections()
    assert wait_until(lambda: col["id"] in dock.collections, 30)
    run = dock.delete_collection(col["id"], lambda _name, _count: True)
    assert wait_until(lambda: run.ok is not None, 60) and run.ok, run.error_text()
    # the dock lists the collections again after a delete: let that end inside this test
    assert wait_until(lambda: not dock.runner.active(), 60)
    entries = _history_entries()
    assert len(entries) == before + 1
    key, details = entries[-1]
    assert "byoc:deletecollection" in key
    assert 'processing.run("byoc:deletecollection"' in details["python_command"]
    assert col["id"] in details["python_command"]
    text = repr(entries)
    assert localhub.client_secret not in text and localhub.s3.secret_key not in text
    from qgis.gui import QgsGui

    if hasattr(QgsGui, "historyProviderRegistry"):  # QGIS >= 3.24 keeps the results too
        assert details["results"]["DELETED_TILES"] == 0 and details["algorithm_id"] == "byoc:deletecollection"
