"""Shared fixtures: a recording QGIS interface, real local services on loopback, artifact folders.

pytest-qgis provides the QGIS application (``qgis_app``), the fake interface (``qgis_iface``), the canvas and
Processing. Areas add their own fixtures in ``tests/fixtures_*.py``, registered below.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .services import free_port

pytest_plugins = [
    name
    for name in ("tests.fixtures_s3", "tests.fixtures_localhub", "tests.fixtures_rasters", "tests.fixtures_gui")
    if (Path(__file__).parent / (name.split(".")[1] + ".py")).exists()
]

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts"


@pytest.fixture(scope="module", autouse=True)
def _byoc_provider_released():
    """The ``byoc`` provider a module registered (test_processing_support.register_provider) is removed when the
    module ends: the plugin tests count providers, and must pass after any other module."""
    yield
    from .test_processing_support import release_providers

    release_providers()


@pytest.fixture(scope="session")
def lane() -> str:
    """Which QGIS lane runs the tests: ``host`` (3.22) or ``ltr`` (3.40)."""
    return os.environ.get("BYOC_LANE", "host")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Folder kept by CI (screenshots, reports)."""
    lane_name = os.environ.get("BYOC_LANE", "host")
    path = ARTIFACTS / lane_name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def screenshots_dir(artifacts_dir: Path) -> Path:
    """Where ``gui`` tests save their screenshots (kept by CI)."""
    path = artifacts_dir / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def loopback_port() -> int:
    """A free TCP port on 127.0.0.1."""
    return free_port()


class RecordingIface:
    """Wraps pytest-qgis's fake iface and records what a plugin adds to and removes from the GUI.

    pytest-qgis's interface lacks ``addPluginToWebMenu``, ``removePluginWebMenu`` and friends, and its toolbar
    methods do nothing; this wrapper keeps real ``QToolBar``/``QMenu`` objects so tests can count entries.
    """

    def __init__(self, base) -> None:
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMenu, QToolBar

        self._base = base
        self.toolbar = QToolBar("Plugins", base.mainWindow())
        self.web_menu = QMenu("Web", base.mainWindow())
        self.web_submenus: dict = {}
        self.docks: list = []
        self._area = Qt.DockWidgetArea.RightDockWidgetArea

    def __getattr__(self, name):
        return getattr(self._base, name)

    def pluginToolBar(self):
        return self.toolbar

    def webMenu(self):
        return self.web_menu

    def addToolBarIcon(self, action) -> None:
        self.toolbar.addAction(action)

    def removeToolBarIcon(self, action) -> None:
        self.toolbar.removeAction(action)

    def addPluginToWebMenu(self, name: str, action) -> None:
        menu = self.web_submenus.get(name)
        if menu is None:
            menu = self.web_menu.addMenu(name)
            self.web_submenus[name] = menu
        menu.addAction(action)

    def removePluginWebMenu(self, name: str, action) -> None:
        menu = self.web_submenus.get(name)
        if menu is None:
            return
        menu.removeAction(action)
        if not menu.actions():
            self.web_menu.removeAction(menu.menuAction())
            del self.web_submenus[name]

    def addDockWidget(self, area, dock) -> None:
        self._base.mainWindow().addDockWidget(area, dock)
        self.docks.append(dock)

    def removeDockWidget(self, dock) -> None:
        self._base.mainWindow().removeDockWidget(dock)
        if dock in self.docks:
            self.docks.remove(dock)

    def web_actions(self) -> list:
        """Every action currently under the Web menu's plugin submenus."""
        return [a for menu in self.web_submenus.values() for a in menu.actions()]


@pytest.fixture
def recording_iface(qgis_iface):
    """A QGIS interface that records toolbar, Web menu and dock changes."""
    return RecordingIface(qgis_iface)
