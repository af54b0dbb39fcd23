"""The provider is visible to headless qgis_process when the plugin is found through QGIS_PLUGINPATH."""

from __future__ import annotations

from .qgis_helpers import assert_byoc_listed, make_profile, qgis_process_json


def test_provider_listed_by_qgis_process(tmp_path):
    home = tmp_path / "home"
    make_profile(home)
    assert_byoc_listed(home)


def test_plugin_enabled_for_qgis_process(tmp_path):
    home = tmp_path / "home"
    make_profile(home)
    plugins = qgis_process_json(["plugins"], home)
    assert plugins["plugins"]["byoc_qgis"]["loaded"] is True
