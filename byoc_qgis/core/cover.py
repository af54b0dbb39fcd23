"""Cover geometry of a BYOC tile: trace the valid-data outline from a coarse overview and fit it to <= N points.

Approach (cog-and-outline.md §5): read the validity mask (nodata, NaN, alpha, internal masks, combined over
bands and files) of the smallest level whose long side is >= ``target_size`` px, polygonize it at that level, add
a one-pixel margin when the overviews may undercut the data, then search the smallest tolerance ``t`` for which
``Buffer(±t√2).SimplifyPreserveTopology(t)`` has at most ``max_points`` vertices (grow ×2, then bisect), keeping
the policy:

* ``"contain"`` (default, "contain all data"): the cover contains every valid pixel of the traced level (plus
  margin); fallback: the raster extent.
* ``"exclude"`` ("exclude nodata"): the cover lies inside the eroded valid area; fallback: none (a warning).

Each candidate is verified with GEOS (``Contains``/``Within``), so the policy holds by construction and not just
by the buffer arithmetic. The full-resolution raster is never read, except by :func:`full_resolution_check`, a
block-wise verification used by tests and benchmarks.

This module is the entry point (:func:`trace_cover`) and its report; the steps live in :mod:`.cover_trace`
(one raster's outline), :mod:`.cover_fit` (the point budget), :mod:`.cover_geometry` (helpers, GeoJSON) and
:mod:`.cover_verify` (full-resolution check); their public names are re-exported here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple, Union

from osgeo import ogr

from .cover_fit import POLICIES, POLICY_CONTAIN, POLICY_EXCLUDE, SQRT2, fit_cover
from .cover_geometry import (
    area,
    coordinate_precision,
    count_points,
    geometry_from_geojson,
    polygonal,
    single_if_one,
    to_geojson,
)
from .cover_trace import CoverError, TracedLevel, choose_level, level_validity, polygonize_mask, trace_file
from .cover_verify import full_resolution_check
from .progress import Progress
from .worded import WordedText

__all__ = [
    "POLICIES",
    "POLICY_CONTAIN",
    "POLICY_EXCLUDE",
    "CoverError",
    "CoverReport",
    "CoverResult",
    "TracedLevel",
    "choose_level",
    "count_points",
    "fit_cover",
    "full_resolution_check",
    "geometry_from_geojson",
    "level_validity",
    "polygonize_mask",
    "to_geojson",
    "trace_cover",
    "trace_file",
]


@dataclass
class CoverReport:
    """What the cover costs: points, area added outside the data or data left out, level traced and time."""

    policy: str
    points: int
    max_points: int
    level: int
    level_size: Tuple[int, int]
    pixel_size: float
    data_area: float  # traced valid area (at the traced level), map units²
    cover_area: float
    excess_area: float  # cover area outside the traced data
    deficit_area: float  # traced data outside the cover
    excess_pct: float
    deficit_pct: float
    tolerance: float  # the fit's tolerance t in map units
    margin: float  # outward/inward margin applied before fitting, map units
    seconds: float
    fallback: Optional[str] = None  # "extent" when no outline fits
    warnings: List[str] = field(default_factory=list)
    units: str = "m"

    def summary(self) -> str:
        """One line for logs and dialogs (:data:`SUMMARY_TEXTS` filled with :meth:`summary_params`)."""
        params = self.summary_params()
        text = SUMMARY_TEXTS["summary"].format(**params)
        return SUMMARY_TEXTS["fallback"].format(text=text, **params) if self.fallback else text

    def summary_params(self) -> Dict[str, str]:
        """The values of :meth:`summary`'s sentence, formatted (``byoc_qgis.wording`` words them again)."""
        return {
            "points": str(self.points),
            "excess_area": f"{self.excess_area:,.0f}",
            "excess_pct": f"{self.excess_pct:.2f}",
            "deficit_area": f"{self.deficit_area:,.0f}",
            "deficit_pct": f"{self.deficit_pct:.2f}",
            "unit": self.units,
            "level": str(self.level),
            "width": str(self.level_size[0]),
            "height": str(self.level_size[1]),
            "seconds": f"{self.seconds:.2f}",
            "fallback": self.fallback or "",
        }


#: the English wording of :meth:`CoverReport.summary`; ``byoc_qgis.wording`` keeps the same texts as tr() literals
#: (tests/test_wording.py checks they match)
SUMMARY_TEXTS: Dict[str, str] = {
    "summary": "{points} points; cover adds ≈ {excess_area} {unit}² ({excess_pct} %) outside the data and leaves ≈ "
    "{deficit_area} {unit}² ({deficit_pct} %) of data out; traced at level {level} ({width}x{height} px) in "
    "{seconds} s",
    "fallback": "{text}; fallback: {fallback}",
}


@dataclass
class CoverResult:
    """The fitted cover: OGR geometry, GeoJSON dict for the API, and the report."""

    geometry: Optional[ogr.Geometry]
    geojson: Optional[dict]
    report: CoverReport


def trace_cover(
    paths: Union[str, Sequence[str]],
    policy: str = POLICY_CONTAIN,
    max_points: int = 100,
    target_size: int = 1024,
    margin_px: Optional[float] = None,
    progress=None,
    cancel=None,
) -> CoverResult:
    """Trace the cover geometry of a tile (one file, or the band files of one tile) and fit it.

    ``policy``: "contain" (every valid pixel inside; default) or "exclude" (no no-data inside). ``max_points``
    counts every vertex including closing points. ``margin_px``: margin in traced-level pixels; default 1 when an
    overview is traced (its resampling is unknown: NEAREST/CUBIC overviews undercut by up to one pixel), 0 at full
    resolution. Band files are combined: union of valid data (contain) or intersection (exclude).
    Raises :class:`CoverError` (bad input) or :class:`~byoc_qgis.core.progress.Cancelled`.
    """
    start = time.perf_counter()
    prog = Progress.of(progress, cancel)
    if policy not in POLICIES:
        raise CoverError(WordedText("cover-policy", policy=policy))
    if max_points < 5:
        raise CoverError(WordedText("cover-max-points", max_points=max_points))
    files = [paths] if isinstance(paths, str) else list(paths)
    if not files:
        raise CoverError(WordedText("cover-no-file"))
    combine = "any" if policy == POLICY_CONTAIN else "all"
    traced: List[TracedLevel] = []
    for i, p in enumerate(files):
        traced.append(trace_file(p, target_size, combine, prog.sub(i / len(files) * 0.5, (i + 1) / len(files) * 0.5)))
    tile = _TileOutline.of(traced, policy, max_points, margin_px, start)
    if tile.geometry is None or tile.geometry.IsEmpty():
        tile.warnings.append(WordedText("cover-no-valid-pixel", path=tile.first.path))
        return CoverResult(None, None, tile.report(None, 0.0, None))

    cover, tolerance = fit_cover(
        tile.geometry, tile.pixel, tile.extent, policy, tile.margin, max_points, prog.sub(0.5, 0.98)
    )
    fallback = None
    if cover is None:
        if policy == POLICY_CONTAIN:
            cover = tile.extent.Clone()
            fallback = "extent"
            tile.warnings.append(WordedText("cover-extent-fallback"))
        else:
            tile.warnings.append(WordedText("cover-too-fragmented"))
            return CoverResult(None, None, tile.report(None, tolerance, "none"))
    cover = single_if_one(cover)
    prog(1.0, "cover ready")
    geojson = to_geojson(cover, tile.first.epsg, coordinate_precision(tile.full_pixel))
    return CoverResult(cover, geojson, tile.report(cover, tolerance, fallback))


@dataclass
class _TileOutline:
    """The traced outlines of a tile's files combined by the policy, and what the cover report says about them."""

    first: TracedLevel
    policy: str
    max_points: int
    geometry: Optional[ogr.Geometry]  # union (contain) or intersection (exclude) of the files' valid data
    extent: ogr.Geometry  # union (contain) or intersection (exclude) of the files' footprints
    pixel: float  # the coarsest traced pixel
    full_pixel: float  # the finest full-resolution pixel
    level: int
    margin: float  # map units
    start: float  # perf_counter at the start of the trace
    warnings: List[str] = field(default_factory=list)

    @classmethod
    def of(
        cls, traced: List[TracedLevel], policy: str, max_points: int, margin_px: Optional[float], start: float
    ) -> _TileOutline:
        """Combine the files' outlines; :class:`CoverError` when they are not in one CRS."""
        first = traced[0]
        for t in traced[1:]:
            if t.epsg != first.epsg:
                raise CoverError(
                    WordedText("cover-mixed-crs", path=t.path, epsg=t.epsg, first=first.path, first_epsg=first.epsg)
                )
        geom = first.geometry
        extent = first.extent
        for t in traced[1:]:
            extent = extent.Intersection(t.extent) if policy == POLICY_EXCLUDE else extent.Union(t.extent)
            geom = geom.Union(t.geometry) if policy == POLICY_CONTAIN else geom.Intersection(t.geometry)
        pixel = max(t.pixel_size for t in traced)
        level = max(t.level for t in traced)
        if margin_px is None:
            margin_px = 1.0 if level > 0 else 0.0
        tile = cls(
            first=first,
            policy=policy,
            max_points=max_points,
            geometry=polygonal(geom) if geom is not None else None,
            extent=extent,
            pixel=pixel,
            full_pixel=min(t.full_pixel_size for t in traced),
            level=level,
            margin=margin_px * pixel * SQRT2,
            start=start,
        )
        if first.epsg is None:
            tile.warnings.append(WordedText("cover-no-epsg", path=first.path))
        return tile

    def report(self, cover: Optional[ogr.Geometry], tolerance: float, fallback: Optional[str]) -> CoverReport:
        """The report for ``cover`` (None: no cover) against the combined data."""
        geom = self.geometry
        data_area = geom.GetArea() if geom is not None else 0.0
        cover_area = cover.GetArea() if cover is not None else 0.0
        if cover is not None and geom is not None:
            excess = area(cover.Difference(geom))
            deficit = area(geom.Difference(cover))
        else:
            excess, deficit = cover_area, data_area

        def pct(a: float) -> float:
            return 100.0 * a / data_area if data_area > 0 else 0.0

        return CoverReport(
            policy=self.policy,
            points=count_points(cover) if cover is not None else 0,
            max_points=self.max_points,
            level=self.level,
            level_size=self.first.level_size,
            pixel_size=self.pixel,
            data_area=data_area,
            cover_area=cover_area,
            excess_area=excess,
            deficit_area=deficit,
            excess_pct=pct(excess),
            deficit_pct=pct(deficit),
            tolerance=tolerance,
            margin=self.margin,
            seconds=time.perf_counter() - self.start,
            fallback=fallback,
            warnings=self.warnings,
            units="°" if self.first.epsg == 4326 else "m",
        )
