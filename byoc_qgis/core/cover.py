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
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple, Union

import numpy as np
from osgeo import gdal, ogr, osr

from .cog_rules import epsg_of
from .gdal_compat import GdalError, open_raster
from .progress import Progress

POLICY_CONTAIN = "contain"
POLICY_EXCLUDE = "exclude"
POLICIES = (POLICY_CONTAIN, POLICY_EXCLUDE)
SQRT2 = math.sqrt(2.0)


class CoverError(ValueError):
    """The cover cannot be traced (bad input, no valid data...). The message names the file."""


@dataclass
class TracedLevel:
    """The valid-data outline of one raster at the traced level."""

    path: str
    geometry: ogr.Geometry  # (Multi)Polygon in the raster's CRS, exact staircase of valid level pixels
    level: int  # 0 = full resolution, i = overview i (1-based like GDAL's IFD index)
    level_size: Tuple[int, int]
    pixel_size: float  # the level's pixel size (larger of x and y) in CRS units
    full_pixel_size: float
    extent: ogr.Geometry  # raster footprint polygon
    epsg: Optional[int]
    srs_wkt: str
    valid_pixels: int  # valid pixels at the traced level
    has_valid: bool


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
        """One line for logs and dialogs."""
        unit = self.units
        text = (
            f"{self.points} points; cover adds ≈ {self.excess_area:,.0f} {unit}² ({self.excess_pct:.2f} %) outside "
            f"the data and leaves ≈ {self.deficit_area:,.0f} {unit}² ({self.deficit_pct:.2f} %) of data out; traced "
            f"at level {self.level} ({self.level_size[0]}x{self.level_size[1]} px) in {self.seconds:.2f} s"
        )
        if self.fallback:
            text += f"; fallback: {self.fallback}"
        return text


@dataclass
class CoverResult:
    """The fitted cover: OGR geometry, GeoJSON dict for the API, and the report."""

    geometry: Optional[ogr.Geometry]
    geojson: Optional[dict]
    report: CoverReport


# ---------------------------------------------------------------------------------------------------------------
# geometry helpers


def count_points(geom: ogr.Geometry) -> int:
    """All vertices of all rings and parts, closing points included."""
    n = geom.GetGeometryCount()
    if n == 0:
        return geom.GetPointCount()
    return sum(count_points(geom.GetGeometryRef(i)) for i in range(n))


def _polygonal(geom: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
    """Keep only polygon parts (intersections can add lines/points); None when nothing is left."""
    if geom is None or geom.IsEmpty():
        return None
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return geom
    if flat == ogr.wkbGeometryCollection:
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        for i in range(geom.GetGeometryCount()):
            part = geom.GetGeometryRef(i)
            pf = ogr.GT_Flatten(part.GetGeometryType())
            if pf == ogr.wkbPolygon:
                multi.AddGeometry(part)
            elif pf == ogr.wkbMultiPolygon:
                for j in range(part.GetGeometryCount()):
                    multi.AddGeometry(part.GetGeometryRef(j))
        return multi if multi.GetGeometryCount() else None
    return None


def _single_if_one(geom: ogr.Geometry) -> ogr.Geometry:
    if ogr.GT_Flatten(geom.GetGeometryType()) == ogr.wkbMultiPolygon and geom.GetGeometryCount() == 1:
        return geom.GetGeometryRef(0).Clone()
    return geom


def _valid(geom: ogr.Geometry) -> ogr.Geometry:
    if geom.IsValid():
        return geom
    fixed = geom.MakeValid() if hasattr(geom, "MakeValid") else geom.Buffer(0)
    return _polygonal(fixed) or geom


def _extent_polygon(gt: tuple, width: int, height: int) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for c, r in ((0, 0), (width, 0), (width, height), (0, height), (0, 0)):
        ring.AddPoint_2D(gt[0] + gt[1] * c + gt[2] * r, gt[3] + gt[4] * c + gt[5] * r)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


# ---------------------------------------------------------------------------------------------------------------
# tracing


def choose_level(band: gdal.Band, target_size: int = 1024) -> int:
    """Smallest level whose longer side is >= ``target_size`` (0 = full resolution, i = overview i-1)."""
    best = 0
    for i in range(band.GetOverviewCount()):
        ovr = band.GetOverview(i)
        if ovr is not None and max(ovr.XSize, ovr.YSize) >= target_size:
            best = i + 1
    return best


def _level_band(band: gdal.Band, level: int) -> gdal.Band:
    return band if level == 0 else band.GetOverview(level - 1)


def _band_valid(ds: gdal.Dataset, index: int, level: int, progress: Progress) -> Optional[np.ndarray]:
    """Validity of one band at ``level`` (None = all valid, nothing to combine)."""
    band = ds.GetRasterBand(index)
    lvl = _level_band(band, level)
    flags = band.GetMaskFlags()
    valid = None
    if not (flags & gdal.GMF_ALL_VALID):
        mask = lvl.GetMaskBand().ReadAsArray()
        if mask is None:
            raise CoverError(f"{ds.GetDescription()}: cannot read the mask of band {index}: {gdal.GetLastErrorMsg()}")
        valid = mask > 0
    progress.check()
    if band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64):
        nodata = band.GetNoDataValue()
        if nodata is None or not math.isnan(nodata):  # NaN is always no-data; GDAL's mask misses it otherwise
            data = lvl.ReadAsArray()
            if data is None:
                raise CoverError(f"{ds.GetDescription()}: cannot read band {index}: {gdal.GetLastErrorMsg()}")
            finite = ~np.isnan(data)
            valid = finite if valid is None else (valid & finite)
    return valid


def level_validity(
    ds: gdal.Dataset, level: int, combine: str = "any", progress: Optional[Progress] = None
) -> np.ndarray:
    """Boolean validity of ``ds`` at ``level``, combined over its bands (``any`` or ``all``), alpha bands skipped.

    Uses each band's mask band (nodata, alpha, internal masks; read once when the mask is per dataset) and NaN.
    """
    progress = progress or Progress()
    band1 = ds.GetRasterBand(1)
    lvl1 = _level_band(band1, level)
    shape = (lvl1.YSize, lvl1.XSize)
    bands = [
        i + 1 for i in range(ds.RasterCount) if ds.GetRasterBand(i + 1).GetColorInterpretation() != gdal.GCI_AlphaBand
    ] or [1]
    per_dataset = all(ds.GetRasterBand(i).GetMaskFlags() & gdal.GMF_PER_DATASET for i in bands)
    floats = any(ds.GetRasterBand(i).DataType in (gdal.GDT_Float32, gdal.GDT_Float64) for i in bands)
    if per_dataset and not floats:
        bands = bands[:1]
    result = None
    for n, i in enumerate(bands):
        v = _band_valid(ds, i, level, progress)
        progress((n + 1) / len(bands), "reading masks")
        if v is None:
            if combine == "any":
                return np.ones(shape, bool)
            continue
        if result is None:
            result = v
        elif combine == "any":
            result |= v
        else:
            result &= v
    return np.ones(shape, bool) if result is None else result


def polygonize_mask(valid: np.ndarray, gt: tuple, srs_wkt: str = "") -> ogr.Geometry:
    """Polygonize the True pixels of ``valid`` (geotransform ``gt``) and union them into one (Multi)Polygon."""
    h, w = valid.shape
    mem = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
    mem.SetGeoTransform(gt)
    if srs_wkt:
        mem.SetProjection(srs_wkt)
    band = mem.GetRasterBand(1)
    band.WriteArray(valid.astype(np.uint8))
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")  # keep a reference while using the layer
    lyr = vds.CreateLayer("valid", geom_type=ogr.wkbPolygon)
    err = gdal.Polygonize(band, band, lyr, -1, [])
    if err != 0:
        raise CoverError(f"polygonize failed: {gdal.GetLastErrorMsg()}")
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for feat in lyr:
        g = feat.GetGeometryRef()
        if g is not None and not g.IsEmpty():
            multi.AddGeometry(g)
    lyr = None
    vds = None
    if multi.GetGeometryCount() == 0:
        return multi
    return _valid(multi.UnionCascaded())


def trace_file(
    path: Union[str, gdal.Dataset], target_size: int = 1024, combine: str = "any", progress: Optional[Progress] = None
) -> TracedLevel:
    """Trace the valid-data outline of one raster at the smallest level with long side >= ``target_size``."""
    progress = progress or Progress()
    ds = path if isinstance(path, gdal.Dataset) else _open(path)
    name = ds.GetDescription()
    gt = ds.GetGeoTransform(can_return_null=True)
    if not gt:
        raise CoverError(f"{name}: the raster has no geotransform; georeference it before tracing a cover.")
    if abs(gt[2]) > 0 or abs(gt[4]) > 0:
        raise CoverError(f"{name}: rotated rasters are not supported; warp it to a north-up grid first.")
    band = ds.GetRasterBand(1)
    level = choose_level(band, target_size)
    lvl = _level_band(band, level)
    sx = ds.RasterXSize / lvl.XSize
    sy = ds.RasterYSize / lvl.YSize
    lgt = (gt[0], gt[1] * sx, 0.0, gt[3], 0.0, gt[5] * sy)
    valid = level_validity(ds, level, combine, progress.sub(0.0, 0.6))
    count = int(valid.sum())
    srs = ds.GetSpatialRef()
    wkt = srs.ExportToWkt() if srs is not None else ""
    progress(0.6, "polygonizing")
    geom = polygonize_mask(valid, lgt, wkt) if count else ogr.Geometry(ogr.wkbMultiPolygon)
    progress(1.0, "traced")
    epsg, _ = epsg_of(ds)
    return TracedLevel(
        path=name,
        geometry=geom,
        level=level,
        level_size=(lvl.XSize, lvl.YSize),
        pixel_size=max(abs(lgt[1]), abs(lgt[5])),
        full_pixel_size=max(abs(gt[1]), abs(gt[5])),
        extent=_extent_polygon(gt, ds.RasterXSize, ds.RasterYSize),
        epsg=epsg,
        srs_wkt=wkt,
        valid_pixels=count,
        has_valid=count > 0,
    )


def _open(path: str) -> gdal.Dataset:
    try:
        return open_raster(path)
    except GdalError as exc:
        raise CoverError(f"Cannot open {path} to trace its cover: {exc}") from None


# ---------------------------------------------------------------------------------------------------------------
# fitting


def fit_cover(
    geom: ogr.Geometry,
    pixel: float,
    extent: ogr.Geometry,
    policy: str = POLICY_CONTAIN,
    margin: float = 0.0,
    max_points: int = 100,
    progress: Optional[Progress] = None,
) -> Tuple[Optional[ogr.Geometry], float]:
    """Fit ``geom`` to <= ``max_points`` vertices keeping the policy; returns (cover or None, tolerance).

    ``margin`` (map units) is added outwards (contain) or inwards (exclude) before fitting. Every candidate is
    checked: contain → the cover contains ``geom`` buffered by the margin; exclude → the cover lies within ``geom``.
    """
    progress = progress or Progress()
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
    if max_points < 5:
        raise ValueError("max_points must be at least 5 (a box with its closing point, the fallback cover)")
    if policy == POLICY_CONTAIN:
        base = geom.Buffer(margin, 1) if margin > 0 else geom
        base = _valid(base)

        def fit(t: float) -> Optional[ogr.Geometry]:
            c = _polygonal(base.Buffer(t * SQRT2, 1).SimplifyPreserveTopology(t))
            c = _polygonal(c.Intersection(extent)) if c is not None else None
            return c

        def ok(c: ogr.Geometry) -> bool:
            return c.Contains(geom)
    else:
        base = _polygonal(geom.Buffer(-margin, 1)) if margin > 0 else geom
        if base is None:
            return None, 0.0

        def fit(t: float) -> Optional[ogr.Geometry]:
            shrunk = _polygonal(base.Buffer(-t * SQRT2, 1))
            return _polygonal(shrunk.SimplifyPreserveTopology(t)) if shrunk is not None else None

        def ok(c: ogr.Geometry) -> bool:
            return c.Within(geom)

    def accept(c: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
        if c is None or c.IsEmpty():
            return None
        c = _valid(c)
        if count_points(c) > max_points or not ok(c):
            return None
        return c

    # the traced outline itself may already fit
    exact = accept(_polygonal(base.Intersection(extent)) if policy == POLICY_CONTAIN else base)
    if exact is not None:
        return exact, 0.0
    t = pixel / 2.0
    best = None
    limit = pixel * 4096
    steps = 0
    while t < limit:
        progress.check()
        steps += 1
        progress(min(0.5, steps / 24), "fitting")
        c = fit(t)
        if c is None:
            break  # eroded away (exclude) or empty
        best = accept(c)
        if best is not None:
            break
        t *= 2.0
    if best is None:
        return None, t
    lo, hi = t / 2.0, t
    for i in range(8):
        progress.check()
        progress(0.5 + 0.5 * (i + 1) / 8, "fitting")
        mid = (lo + hi) / 2.0
        c = fit(mid)
        cand = accept(c) if c is not None else None
        if cand is not None:
            best, hi = cand, mid
        else:
            lo = mid
    return best, hi


# ---------------------------------------------------------------------------------------------------------------
# GeoJSON


def _precision(pixel: float) -> int:
    """Decimals that keep coordinates well below a thousandth of a full-resolution pixel (>= 3)."""
    if pixel <= 0:
        return 3
    return max(3, int(math.ceil(-math.log10(pixel / 1000.0))))


def to_geojson(geom: ogr.Geometry, epsg: Optional[int], precision: int = 3) -> dict:
    """GeoJSON dict of ``geom`` with ``crs`` = urn:ogc:def:crs:EPSG::<code> (no ``crs`` member for EPSG:4326)."""
    out = json.loads(geom.ExportToJson([f"COORDINATE_PRECISION={precision}"]))
    if epsg is not None and int(epsg) != 4326:
        out = {
            "type": out["type"],
            "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{int(epsg)}"}},
            "coordinates": out["coordinates"],
        }
    return out


# ---------------------------------------------------------------------------------------------------------------
# the main entry point


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
        raise CoverError(f"Unknown cover policy {policy!r}; use 'contain' (all data inside) or 'exclude' (no no-data).")
    if max_points < 5:
        raise CoverError(f"max_points must be at least 5 (the extent box needs 5), not {max_points}.")
    files = [paths] if isinstance(paths, str) else list(paths)
    if not files:
        raise CoverError("No file given to trace a cover from.")
    combine = "any" if policy == POLICY_CONTAIN else "all"
    traced: List[TracedLevel] = []
    for i, p in enumerate(files):
        traced.append(trace_file(p, target_size, combine, prog.sub(i / len(files) * 0.5, (i + 1) / len(files) * 0.5)))
    first = traced[0]
    warnings: List[str] = []
    for t in traced[1:]:
        if t.epsg != first.epsg:
            raise CoverError(
                f"{t.path} is in EPSG:{t.epsg} but {first.path} in EPSG:{first.epsg}; "
                "the band files of a tile must share one CRS."
            )
    geom = traced[0].geometry
    extent = traced[0].extent
    for t in traced[1:]:
        extent = extent.Intersection(t.extent) if policy == POLICY_EXCLUDE else extent.Union(t.extent)
        geom = geom.Union(t.geometry) if combine == "any" else geom.Intersection(t.geometry)
    geom = _polygonal(geom) if geom is not None else None
    pixel = max(t.pixel_size for t in traced)
    full_pixel = min(t.full_pixel_size for t in traced)
    level = max(t.level for t in traced)
    if margin_px is None:
        margin_px = 1.0 if level > 0 else 0.0
    margin = margin_px * pixel * SQRT2
    epsg = first.epsg
    if epsg is None:
        warnings.append(f"{first.path}: the CRS has no EPSG code; the GeoJSON has no crs member.")
    units = "°" if epsg == 4326 else "m"

    def report(cover: Optional[ogr.Geometry], tolerance: float, fallback: Optional[str]) -> CoverReport:
        data_area = geom.GetArea() if geom is not None else 0.0
        cover_area = cover.GetArea() if cover is not None else 0.0
        if cover is not None and geom is not None:
            excess = _area(cover.Difference(geom))
            deficit = _area(geom.Difference(cover))
        else:
            excess, deficit = cover_area, data_area

        def pct(a):
            return 100.0 * a / data_area if data_area > 0 else 0.0

        return CoverReport(
            policy=policy,
            points=count_points(cover) if cover is not None else 0,
            max_points=max_points,
            level=level,
            level_size=first.level_size,
            pixel_size=pixel,
            data_area=data_area,
            cover_area=cover_area,
            excess_area=excess,
            deficit_area=deficit,
            excess_pct=pct(excess),
            deficit_pct=pct(deficit),
            tolerance=tolerance,
            margin=margin,
            seconds=time.perf_counter() - start,
            fallback=fallback,
            warnings=warnings,
            units=units,
        )

    if geom is None or geom.IsEmpty():
        warnings.append(f"{first.path}: no valid pixel found; skip this tile (nothing to cover).")
        return CoverResult(None, None, report(None, 0.0, None))

    cover, tolerance = fit_cover(geom, pixel, extent, policy, margin, max_points, prog.sub(0.5, 0.98))
    fallback = None
    if cover is None:
        if policy == POLICY_CONTAIN:
            cover = extent.Clone()
            fallback = "extent"
            warnings.append("No outline fits the point budget; using the raster extent as cover.")
        else:
            warnings.append("The data area is too small or too fragmented to fit without no-data; no cover.")
            return CoverResult(None, None, report(None, tolerance, "none"))
    cover = _single_if_one(cover)
    prog(1.0, "cover ready")
    return CoverResult(cover, to_geojson(cover, epsg, _precision(full_pixel)), report(cover, tolerance, fallback))


def _area(g: Optional[ogr.Geometry]) -> float:
    return g.GetArea() if g is not None and not g.IsEmpty() else 0.0


# ---------------------------------------------------------------------------------------------------------------
# verification at full resolution (tests, benchmarks, an optional "verify" step in the GUI)


def geometry_from_geojson(obj: dict) -> ogr.Geometry:
    """OGR geometry from a GeoJSON dict (the ``crs`` member is ignored)."""
    clean = {k: v for k, v in obj.items() if k != "crs"}
    return ogr.CreateGeometryFromJson(json.dumps(clean))


def full_resolution_check(
    path: str, cover: ogr.Geometry, block: int = 2048, progress=None, cancel=None
) -> Tuple[int, int, int]:
    """Rasterize ``cover`` at full resolution window by window and compare with the valid data.

    Returns (valid pixels outside the cover, no-data pixels inside, valid pixels in total). A pixel counts as
    inside when its centre is. Reads the whole raster block-wise: a verification tool, not for routine use.
    """
    prog = Progress.of(progress, cancel)
    ds = _open(path)
    gt = ds.GetGeoTransform()
    w, h = ds.RasterXSize, ds.RasterYSize
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    srs = ds.GetSpatialRef()
    lyr = vds.CreateLayer("cover", srs=srs if srs is not None else osr.SpatialReference(), geom_type=ogr.wkbPolygon)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(cover)
    lyr.CreateFeature(feat)
    outside = inside_nodata = total = 0
    windows = [(x, y, min(block, w - x), min(block, h - y)) for y in range(0, h, block) for x in range(0, w, block)]
    for n, (x0, y0, bw, bh) in enumerate(windows):
        prog(n / len(windows), "verifying")
        mem = gdal.GetDriverByName("MEM").Create("", bw, bh, 1, gdal.GDT_Byte)
        mem.SetGeoTransform((gt[0] + x0 * gt[1], gt[1], 0.0, gt[3] + y0 * gt[5], 0.0, gt[5]))
        gdal.RasterizeLayer(mem, [1], lyr, burn_values=[1])
        burned = mem.GetRasterBand(1).ReadAsArray() > 0
        valid = None
        for i in range(ds.RasterCount):
            band = ds.GetRasterBand(i + 1)
            if band.GetColorInterpretation() == gdal.GCI_AlphaBand and ds.RasterCount > 1:
                continue
            m = band.GetMaskBand().ReadAsArray(x0, y0, bw, bh) > 0
            if band.DataType in (gdal.GDT_Float32, gdal.GDT_Float64):
                m &= ~np.isnan(band.ReadAsArray(x0, y0, bw, bh))
            valid = m if valid is None else (valid | m)
        outside += int((valid & ~burned).sum())
        inside_nodata += int((~valid & burned).sum())
        total += int(valid.sum())
    prog(1.0, "verified")
    return outside, inside_nodata, total
