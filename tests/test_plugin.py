"""The plugin loads into QGIS, toggles its dock, registers the provider and unloads without leftovers."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication

import byoc_qgis


def _byoc_providers() -> list:
    return [p for p in QgsApplication.processingRegistry().providers() if p.id() == "byoc"]


@pytest.fixture
def loaded_plugin(qgis_app, recording_iface):
    plugin = byoc_qgis.classFactory(recording_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()


def test_init_gui_adds_toolbar_button_web_menu_dock_and_provider(loaded_plugin, recording_iface):
    assert [a.objectName() for a in recording_iface.toolbar.actions()] == ["byoc_qgis_toggle_dock"]
    assert recording_iface.web_actions() == [loaded_plugin.action]
    assert list(recording_iface.web_submenus) == ["Sentinel Hub BYOC"]
    assert recording_iface.docks == [loaded_plugin.dock]
    assert loaded_plugin.dock.windowTitle() == "Sentinel Hub BYOC"
    assert len(_byoc_providers()) == 1


def test_action_toggles_the_dock(loaded_plugin, recording_iface):
    main_window = recording_iface.mainWindow()
    main_window.show()
    try:
        dock, action = loaded_plugin.dock, loaded_plugin.action
        assert not dock.isVisible()
        action.trigger()
        assert dock.isVisible() and action.isChecked()
        action.trigger()
        assert not dock.isVisible() and not action.isChecked()
        dock.show()  # closing/opening the dock itself keeps the button in step
        assert action.isChecked()
        dock.close()
        assert not action.isChecked()
    finally:
        main_window.hide()


def test_unload_removes_everything_and_reload_leaves_no_duplicates(qgis_app, recording_iface):
    for _round in range(2):
        plugin = byoc_qgis.classFactory(recording_iface)
        plugin.initGui()
        assert len(recording_iface.toolbar.actions()) == 1
        assert len(recording_iface.web_actions()) == 1
        assert len(recording_iface.docks) == 1
        assert len(_byoc_providers()) == 1
        plugin.unload()
        assert recording_iface.toolbar.actions() == []
        assert recording_iface.web_actions() == [] and recording_iface.web_submenus == {}
        assert recording_iface.docks == []
        assert _byoc_providers() == []


def test_headless_path_registers_provider_without_iface(qgis_app):
    plugin = byoc_qgis.classFactory(None)
    plugin.initProcessing()
    plugin.initProcessing()  # qgis_process and initGui may both call it
    try:
        assert len(_byoc_providers()) == 1
        assert plugin.action is None and plugin.dock is None
    finally:
        plugin.unload()
    assert _byoc_providers() == []


def test_provider_identity(qgis_app):
    plugin = byoc_qgis.classFactory(None)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("byoc")
        assert provider is not None
        assert provider.name() == "Sentinel Hub BYOC"
        assert not provider.icon().isNull()
    finally:
        plugin.unload()
