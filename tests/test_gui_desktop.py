"""The plugin in the real QGIS desktop application under Xvfb: dock, Web menu entry, toolbar button."""

from __future__ import annotations

import pytest

from .gui_helpers import run_qgis_gui

pytestmark = pytest.mark.gui


def test_real_qgis_shows_the_dock_from_the_web_menu(tmp_path, screenshots_dir):
    result = run_qgis_gui(
        """
        result["active"] = "byoc_qgis" in active_plugins
        plugin = sys.modules["qgis.utils"].plugins["byoc_qgis"]
        web_titles = [a.text() for a in iface.webMenu().actions()]
        result["web_menu"] = web_titles
        sub = [a.menu() for a in iface.webMenu().actions() if a.menu() and a.text() == "Sentinel Hub BYOC"]
        result["web_entries"] = [a.text() for a in sub[0].actions()] if sub else []
        result["toolbar"] = [a.objectName() for a in iface.pluginToolBar().actions()]
        plugin.action.trigger()
        result["dock_visible"] = plugin.dock.isVisible()
        shot("desktop-dock")
        """,
        tmp_path,
        screenshots_dir,
    )
    assert result["errors"] == []
    assert result["active"] is True
    assert "Sentinel Hub BYOC" in result["web_menu"]
    assert result["web_entries"] == ["Sentinel Hub BYOC"]
    assert "byoc_qgis_toggle_dock" in result["toolbar"]
    assert result["dock_visible"] is True
    assert result["screenshots"] and all(p.endswith(".png") for p in result["screenshots"])
