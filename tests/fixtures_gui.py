"""Fixtures shared by the dock tests (tests/test_gui_*.py): the ``byoc`` provider, a dock connection to localhub
and a dock. Not autouse: the plugin tests count providers, so GUI modules opt in with
``pytestmark = pytest.mark.usefixtures("gui_provider")``."""

from __future__ import annotations

import pytest

from .test_gui_support import ensure_provider, release_provider, store_connection


@pytest.fixture(scope="module")
def gui_provider(qgis_app):
    """The ``byoc`` Processing provider, registered for one module and released after it."""
    yield ensure_provider()
    release_provider()


@pytest.fixture(scope="module")
def conn(request, qgis_app, localhub, gui_provider):
    """A saved dock connection to localhub named after the module (test_gui_tiles → ``tiles-gui``)."""
    name = request.module.__name__.rsplit(".", 1)[-1].replace("test_gui_", "")
    return store_connection(localhub, f"{name}-gui")


@pytest.fixture
def dock(qgis_app, qgis_iface, qgis_new_project, conn):
    """A dock on the module's connection, cleaned up after the test."""
    from byoc_qgis.gui.dock import ByocDock

    ensure_provider()
    qgis_iface.messageBar().clear_messages()
    d = ByocDock(qgis_iface)
    d.reload_connections(conn.name)
    yield d
    d.cleanup()
    d.deleteLater()
