"""Live view layers in project files: the file holds port 0 and no session key; a project read points its live
layers at this session's tile server.

Two mechanisms, because QGIS changed (both verified with a .qgs written and read back):

* QGIS 3.22 passes every ``wms`` layer source through ``QgsPathResolver``: a path writer (saving) and a path
  preprocessor (reading) registered here cover every project, including ``QgsProject()`` objects of scripts.
* QGIS 3.40 calls neither for ``wms`` sources (its wms provider resolves only ``file:`` URLs). The project's own
  signals do it: ``writeMapLayer`` gives each layer's XML element and ``writeProject`` the document (layer tree)
  before the file is written (the URLs are replaced in them, also inside a .qgz), and ``layersAdded`` gives the
  layers a project read (their sources are pointed at this session).
  :func:`~byoc_qgis.live.service.LiveViewService.attach_project` hooks a project; the service hooks
  ``QgsProject.instance()``.
"""

from __future__ import annotations

import functools
from typing import Callable, Dict, List, Optional

from qgis.core import QgsDataProvider, QgsPathResolver, QgsProject
from qgis.PyQt.QtXml import QDomDocument, QDomElement

from ..core.live_tiles import current_url, is_live_url, placeholder_url

__all__ = ["ProjectHooks", "saved_form", "retarget"]


def saved_form(doc: QDomDocument, root: Optional[QDomElement] = None) -> int:
    """Replace every live view URL in a project document (or under ``root``) by its saved form; returns how many
    places changed. Looks at ``<datasource>`` texts and ``source`` attributes (the layer tree keeps a copy)."""
    changed = 0
    stack: List[QDomElement] = [doc.documentElement() if root is None else root]
    while stack:
        element = stack.pop()
        if element.isNull():
            continue
        source = element.attribute("source")
        if source and is_live_url(source):
            element.setAttribute("source", placeholder_url(source))
            changed += 1
        if element.tagName() == "datasource":
            text = element.text()
            if is_live_url(text):
                while element.hasChildNodes():
                    element.removeChild(element.firstChild())
                element.appendChild(doc.createTextNode(placeholder_url(text)))
                changed += 1
        child = element.firstChildElement()
        while not child.isNull():
            stack.append(child)
            child = child.nextSiblingElement()
    return changed


def retarget(layer, port: int, key: str) -> bool:
    """Point a live view layer at the server on ``port`` with ``key``; False when it already is (or is not live)."""
    source = layer.source()
    if not is_live_url(source):
        return False
    new = current_url(source, port, key)
    if new == source:
        return False
    layer.setDataSource(new, layer.name(), layer.providerType(), QgsDataProvider.ProviderOptions())
    return True


class ProjectHooks:
    """The path writer/preprocessor and the per-project signal handlers (main thread)."""

    def __init__(self, server_address: Callable[[], tuple], on_layers: Callable[[list], None]) -> None:
        self._address = server_address  # () -> (port, key), starting the server if needed
        self._on_layers = on_layers
        self._path_ids: tuple = (None, None)
        self._projects: Dict[int, tuple] = {}

    def start(self) -> None:
        if self._path_ids == (None, None):
            self._path_ids = (
                QgsPathResolver.setPathPreprocessor(self._read_path),
                QgsPathResolver.setPathWriter(self._write_path),
            )

    def stop(self) -> None:
        reader, writer = self._path_ids
        if reader is not None:
            QgsPathResolver.removePathPreprocessor(reader)
        if writer is not None:
            QgsPathResolver.removePathWriter(writer)
        self._path_ids = (None, None)
        for _project, connections in list(self._projects.values()):
            for signal, slot in connections:
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        self._projects.clear()

    def attach(self, project: Optional[QgsProject]) -> None:
        """Hook ``project``'s writeProject and layersAdded (once per project)."""
        if project is None or id(project) in self._projects:
            return

        def write_slot(doc, *_args) -> None:  # the layer tree (QGIS 3.40 writes the layers after this signal)
            saved_form(doc)

        def layer_slot(layer, element, doc) -> None:  # each layer's element, as it is written
            if is_live_url(layer.source()):
                saved_form(doc, element)

        def added_slot(layers) -> None:
            live = [layer for layer in layers if is_live_url(layer.source())]
            if not live:
                return
            port, key = self._address()
            for layer in live:
                retarget(layer, port, key)
            self._on_layers(live)

        gone_slot = functools.partial(self._detached, id(project))
        connections = (
            (project.writeProject, write_slot),
            (project.writeMapLayer, layer_slot),
            (project.layersAdded, added_slot),
            (project.destroyed, gone_slot),
        )
        for signal, slot in connections:
            signal.connect(slot)
        self._projects[id(project)] = (project, connections)

    def _detached(self, key: int, *_args) -> None:
        self._projects.pop(key, None)

    def _read_path(self, path: str) -> str:
        if not is_live_url(path):
            return path
        port, key = self._address()
        return current_url(path, port, key)

    @staticmethod
    def _write_path(path: str) -> str:
        return placeholder_url(path) if is_live_url(path) else path
