"""Reprojection for worker threads with GDAL/OSR only: background work never leaves QGIS's reprojection broken.

:class:`Reprojector` turns coordinates from any source CRS into one target CRS and is safe in any thread. Code
that runs off the main thread (QgsTask, Processing algorithms run from the GUI, thread pools) uses it instead of
``QgsCoordinateTransform``/``QgsGeometry.transform``, and never creates a ``QgsCoordinateReferenceSystem``: the
reason is a QGIS defect, explained below, that let the plugin break every later reprojection of the session.

Why (checked on QGIS 3.22.16 and 3.40.6; qgis/QGIS sources of the 3.22 series quoted)
--------------------------------------------------------------------------------------
QGIS gives each thread its own PROJ context, destroyed when the thread exits (``src/core/proj/qgsprojutils.cpp``)::

    thread_local QgsProjContext QgsProjContext::sProjContext;        // QThreadStorage on Windows
    QgsProjContext::~QgsProjContext()
    {
      QgsCoordinateTransform::removeFromCacheObjectsBelongingToCurrentThread( mContext );
      QgsCoordinateReferenceSystem::removeFromCacheObjectsBelongingToCurrentThread( mContext );
      proj_context_destroy( mContext );
    }

The shared private of a CRS holds one *master* PJ made in the context of the thread that created it (the
``QgsCoordinateReferenceSystem`` constructor that missed QGIS's CRS caches), plus one clone per context that used
it (``src/core/proj/qgscoordinatereferencesystem_p.h``)::

    void setPj( QgsProjUtils::proj_pj_unique_ptr obj )
    { ...; mPj = std::move( obj ); mPjParentContext = QgsProjContext::get(); }

    PJ *threadLocalProjObject() const
    {
      if ( !mPj )
        return nullptr;                          // tested before looking for this context's clone
      ... mProjObjects.constFind( context ) ... else proj_clone( context, mPj.get() ) ...
    }

    bool removeObjectsBelongingToCurrentThread( PJ_CONTEXT *pj_context )
    {
      ... proj_destroy( mProjObjects[pj_context] ); mProjObjects.erase( ... ) ...
      if ( mPjParentContext == pj_context )
      {
        mPj.reset();                             // the creating thread exits: its master PJ goes too
        mPjParentContext = nullptr;
      }
      return mProjObjects.isEmpty();             // the cache entry is erased only when no clone is left
    }

``QgsCoordinateReferenceSystem::removeFromCacheObjectsBelongingToCurrentThread()`` calls that for every entry of the
six CRS caches (srid, ogc, proj, wkt, srsid, string) and erases an entry only when it returns true.

So if a worker thread W is the first to create, say, ``EPSG:32639`` (the Show-tiles task building tile outlines)
and the main thread then uses that cached CRS (a clone in the main context: the Process dialog sizing a request in
that UTM zone), W's exit - a ``QThreadPool`` thread expires after 30 s idle, a Python thread at its end - destroys
the master PJ while the main thread's clone, never removed, keeps the private in the caches. From then on
``threadLocalProjObject()`` returns nullptr in every context, so each new ``QgsCoordinateTransform`` with that CRS
fails in ``QgsCoordinateTransformPrivate::threadLocalProjData()``::

    if ( !mSourceCRS.projObject() || ! mDestCRS.projObject() )
      return nullptr;                            // initialize(): mIsValid = false

and ``QgsCoordinateTransform::transform()`` returns its input (``if ( !d->mIsValid || d->mShortCircuit ) return
point;``) - for the rest of the session, in every thread that had not used the transform before. Map renders run
in new pool threads: reprojected layers of that CRS stop drawing, and tile outlines stay in metres.

Measured with a PROJ interposer (``LD_PRELOAD`` over ``proj_context_create/destroy``, ``proj_clone``,
``proj_destroy``): it is not an address reuse (ABA) of a freed ``PJ_CONTEXT`` - with contexts never freed the
failure rate is the same - and no destroyed PJ is ever used. Deterministic form: W creates ``EPSG:32639``, the main
thread transforms with it, W exits, a new thread transforms ``(450000, 5000000)`` to EPSG:4326 → 450000 instead of
50.36, 10 of 10 runs on 3.22.16 and 5 of 5 on 3.40.6 (the 1-in-4..8 rate of the first report came from thread
exits racing with the main thread's first use). The case was raised in review of qgis/QGIS#33939 ("a temporary
thread would create a CRS and pass it to the main thread").

GDAL's OSR has no such owner thread: an ``OGRProjCT`` re-binds its PJ to the calling thread's own context before
every use and before destroying it (``OGRProjCT::PjPtr``: ``proj_clone(OSRGetProjTLSContext(), ...)``,
``proj_assign_context(m_pj, OSRGetProjTLSContext())``), and nothing of it enters QGIS's caches.

Rules for the plugin (tests/test_host_safety.py, reliability R8):

1. Off the main thread: no ``QgsCoordinateReferenceSystem(...)`` construction and no QGIS reprojection; coordinates
   are reprojected with :class:`Reprojector` (this module, GDAL only).
2. A CRS object that a worker must give to QGIS (a sink's CRS, an extent's CRS) is created on the main thread first
   (``byoc_qgis.processing.crs``; Processing's ``prepareAlgorithm`` runs there): the main thread then owns the
   cached entry and its clone keeps it cached for the session, so the worker's own look-ups are cache hits.
"""

from __future__ import annotations

import math
import threading
from typing import Dict, List, Optional, Sequence, Tuple, Union

from osgeo import gdal, osr

__all__ = ["Definition", "ReprojectionError", "normalize", "spatial_reference", "Reprojector"]

Definition = Union[int, str]
Point = Tuple[float, float]


class ReprojectionError(ValueError):
    """A CRS PROJ does not know, or coordinates that cannot be reprojected (outside the CRS's domain)."""


def normalize(definition: Definition) -> str:
    """One text per CRS definition: an EPSG code (int or ``"epsg:n"``) → ``"EPSG:n"``; other text unchanged."""
    if isinstance(definition, bool):
        raise ReprojectionError(f"{definition!r} is not a CRS")
    if isinstance(definition, int):
        return f"EPSG:{definition}"
    text = str(definition).strip()
    if text.isdigit():
        return f"EPSG:{text}"
    head, sep, code = text.partition(":")
    if sep and head.upper() == "EPSG" and code.strip().isdigit():
        return f"EPSG:{int(code)}"
    return text


class _QuietErrors:
    """GDAL errors neither printed nor left pending; failures are reported by the caller (both exception modes)."""

    def __enter__(self) -> None:
        gdal.PushErrorHandler("CPLQuietErrorHandler")

    def __exit__(self, *exc) -> None:
        gdal.PopErrorHandler()
        gdal.ErrorReset()


def spatial_reference(definition: Definition) -> osr.SpatialReference:
    """A new OSR spatial reference in x = east/longitude, y = north/latitude order (QGIS's order).

    ``definition``: an EPSG code (int or ``"EPSG:n"``), ``"AUTH:CODE"``, WKT or a PROJ string.
    Raises :class:`ReprojectionError` when PROJ does not know it.
    """
    text = normalize(definition)
    srs = osr.SpatialReference()
    with _QuietErrors():
        try:
            if text.startswith("EPSG:"):
                rc = srs.ImportFromEPSG(int(text[5:]))
            else:
                rc = srs.SetFromUserInput(text)
        except RuntimeError:
            rc = -1
    if rc != 0:
        shown = text if len(text) < 60 else text[:57] + "..."
        raise ReprojectionError(f"{shown} is not a CRS PROJ knows")
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


_NONE = object()


class Reprojector:
    """Reprojects coordinates from source CRSs into one ``target`` CRS with GDAL/OSR; safe in every thread.

    OSR transformations are made lazily in the thread that uses them and cached per thread, so one instance can be
    built on the main thread and used by tasks. Sources and the target are :data:`Definition` s (EPSG codes,
    ``"AUTH:CODE"``, WKT). The operation is PROJ's best available one for the area (as GDAL chooses it); exact for
    the WGS84 UTM zones ↔ EPSG:4326.
    """

    def __init__(self, target: Definition) -> None:
        self.target = normalize(target)
        spatial_reference(self.target)  # raise now for a target PROJ does not know
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"Reprojector(target={self.target!r})"

    def same(self, source: Definition) -> bool:
        """True when ``source`` is written as the target is: no reprojection is needed."""
        return normalize(source) == self.target

    def check(self, source: Definition) -> None:
        """Raise :class:`ReprojectionError` unless PROJ knows ``source`` and can reproject it into the target."""
        self._transformation(source)

    def _transformation(self, source: Definition) -> Optional[osr.CoordinateTransformation]:
        cache: Dict[object, object] = self._local.__dict__.setdefault("transforms", {})
        found = cache.get(source, _NONE)  # hot path: the caller's own key (an int EPSG code, a text)
        if found is _NONE:
            key = normalize(source)
            found = cache.get(key, _NONE)
            if found is _NONE:
                found = None if key == self.target else self._create(key)
                cache[key] = found
            cache[source] = found
        return found  # type: ignore[return-value]

    def _create(self, key: str) -> osr.CoordinateTransformation:
        src, dst = spatial_reference(key), spatial_reference(self.target)
        with _QuietErrors():
            try:
                found = osr.CreateCoordinateTransformation(src, dst)
            except RuntimeError:
                found = None
        if found is None:
            raise ReprojectionError(f"no coordinate operation from {key} to {self.target}")
        return found

    @staticmethod
    def _run(ct: osr.CoordinateTransformation, source: Definition, points: Sequence[Sequence[float]]) -> list:
        # The hot path (one call per tile outline): no error-handler push; a failed point comes back as inf (GDAL
        # reports it through the error handler in place, QGIS's log in QGIS) or raises in exception mode.
        try:
            out = ct.TransformPoints(points)
        except RuntimeError as exc:
            raise ReprojectionError(f"coordinates outside what {normalize(source)} can represent ({exc})") from None
        if not math.isfinite(sum(map(sum, out))):  # a failed point is inf (or nan): one C-level pass finds it
            raise ReprojectionError(f"coordinates outside what {normalize(source)} can represent")
        return out

    def points(self, source: Definition, points: Sequence[Sequence[float]]) -> List[Point]:
        """``[(x, y), ...]`` in the target CRS; raises :class:`ReprojectionError` for points outside the domain."""
        ct = self._transformation(source)
        if ct is None:
            return [(float(p[0]), float(p[1])) for p in points]
        if not points:
            return []
        return [(p[0], p[1]) for p in self._run(ct, source, points)]

    def polygons(self, source: Definition, polygons: Sequence[Sequence[Sequence[Sequence[float]]]]) -> Sequence:
        """Polygons (lists of rings of points, as in GeoJSON) reprojected with one OSR call; same nesting.

        Points come back as ``(x, y, z)`` tuples (read ``[0]``, ``[1]``); with nothing to do the input is returned.
        """
        ct = self._transformation(source)
        if ct is None:
            return polygons
        if len(polygons) == 1 and len(polygons[0]) == 1:  # one ring: every tile box, most covers
            return [[self._run(ct, source, polygons[0][0])]]
        flat = [pt for poly in polygons for ring in poly for pt in ring]
        if not flat:
            return polygons
        out = self._run(ct, source, flat)
        result, i = [], 0
        for poly in polygons:
            rings = []
            for ring in poly:
                n = len(ring)
                rings.append(out[i : i + n])
                i += n
            result.append(rings)
        return result

    def ogr_geometry(self, source: Definition, geometry) -> None:
        """Reproject an ``ogr.Geometry`` in place (its own spatial reference, if any, is not consulted)."""
        ct = self._transformation(source)
        if ct is None:
            return
        with _QuietErrors():
            try:
                rc = geometry.Transform(ct)
            except RuntimeError:
                rc = -1
        if rc != 0:
            raise ReprojectionError(f"the geometry cannot be reprojected from {normalize(source)} to {self.target}")
        env = geometry.GetEnvelope()
        if not all(math.isfinite(v) for v in env):
            raise ReprojectionError(f"coordinates outside what {normalize(source)} can represent")
