"""CRS objects for algorithms and tasks, created where QGIS can keep them safely: on the main thread.

A ``QgsCoordinateReferenceSystem`` first created in a worker thread breaks every later QGIS reprojection with that
CRS once the worker exits, if the main thread used it meanwhile (QGIS 3.22..3.40; the mechanism is written up in
:mod:`byoc_qgis.core.reproject`). Hence:

* :func:`main_thread_crs` on the main thread creates the CRS there (QGIS's cache then holds the main thread's copy
  for the session, and later look-ups in workers are cache hits); in a worker it copies that object;
* :func:`pin_parameter_crs` (from ``prepareAlgorithm``, which QGIS runs on the main thread) does that for the CRS
  of every CRS/extent/point/geometry parameter of an algorithm, and for EPSG:4326, the algorithms' fallback;
* :func:`crs_definition` gives the text a :class:`~byoc_qgis.core.reproject.Reprojector` needs, without creating a
  CRS, so workers reproject with GDAL only.
"""

from __future__ import annotations

import threading
from typing import Dict, Optional

from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.process_plan import epsg_code
from ..core.reproject import normalize

__all__ = ["on_main_thread", "main_thread_crs", "wgs84", "crs_definition", "epsg_of", "pin_parameter_crs"]

_made_on_main: Dict[str, QgsCoordinateReferenceSystem] = {}
_lock = threading.Lock()


def on_main_thread() -> bool:
    """True on the thread of the QGIS application (the GUI thread, or the script's thread when headless)."""
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def main_thread_crs(definition: str) -> QgsCoordinateReferenceSystem:
    """The CRS of ``definition`` (``"EPSG:n"``, ``"AUTH:CODE"``, WKT, PROJ), made on the main thread.

    On the main thread it is looked up (or created) there and remembered; elsewhere a copy of the remembered object
    is returned (a copy shares the main thread's data: no CRS is made in the worker). A definition never seen on
    the main thread is created where the call runs, as QGIS would.
    """
    key = normalize(definition)
    if on_main_thread():
        crs = QgsCoordinateReferenceSystem(key)  # QGIS's cached CRS, or one made (and cached) by the main thread
        with _lock:
            _made_on_main[key] = crs
        return crs
    with _lock:
        found = _made_on_main.get(key)
    return QgsCoordinateReferenceSystem(found) if found is not None else QgsCoordinateReferenceSystem(key)


def wgs84() -> QgsCoordinateReferenceSystem:
    """EPSG:4326 made on the main thread (see :func:`main_thread_crs`)."""
    return main_thread_crs("EPSG:4326")


def crs_definition(crs: QgsCoordinateReferenceSystem) -> str:
    """The CRS as text for :class:`~byoc_qgis.core.reproject.Reprojector`: its ``AUTH:CODE``, else its WKT.

    Creates no CRS (safe in a worker); raises ``ValueError`` for an invalid CRS.
    """
    if not crs.isValid():
        raise ValueError("invalid CRS")
    authid = crs.authid()
    if authid and not authid.upper().startswith("USER:"):
        return normalize(authid)
    variant = getattr(QgsCoordinateReferenceSystem, "WKT_PREFERRED", None)
    if variant is None:  # QGIS 4: scoped enum
        from qgis.core import Qgis

        variant = Qgis.CrsWktVariant.Preferred
    wkt = crs.toWkt(variant)
    if not wkt:
        raise ValueError(f"CRS {crs.description()!r} has no WKT")
    return wkt


def epsg_of(crs: QgsCoordinateReferenceSystem) -> Optional[int]:
    """The CRS's EPSG code when its authority id is ``EPSG:n``, else None (creates no CRS)."""
    return epsg_code(crs.authid())


def pin_parameter_crs(alg, parameters, context) -> None:
    """Create on the main thread the CRS of each CRS/extent/point/geometry parameter value, and EPSG:4326.

    Call from ``prepareAlgorithm``. Off the main thread (a model running its children in a task) nothing is done.
    Values that do not resolve are left to the algorithm, which reports them.
    """
    if not on_main_thread():
        return
    wgs84()
    readers = {
        "crs": "parameterAsCrs",
        "extent": "parameterAsExtentCrs",
        "point": "parameterAsPointCrs",
        "geometry": "parameterAsGeometryCrs",
    }
    for definition in alg.parameterDefinitions():
        reader = readers.get(definition.type())
        if reader is None or not hasattr(alg, reader):
            continue
        try:
            crs = getattr(alg, reader)(parameters, definition.name(), context)
        except Exception:  # noqa: BLE001, S112 # nosec B112 # a bad value is the algorithm's to report, with its own message
            continue
        if crs.isValid() and crs.authid():
            main_thread_crs(crs.authid())
