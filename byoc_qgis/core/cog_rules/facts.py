"""Fact extraction: everything the BYOC rules look at in one file, read once from the open GDAL dataset.

:class:`FileFacts` is what callers keep (band configuration, bounds, CRS); :class:`RasterFacts` adds what only the
per-file rules need (driver, levels and their blocks, colour model, the COG validator's verdict, header size).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from osgeo import gdal, osr

from .catalogue import OTHER_TYPES, SUPPORTED_TYPES
from .validator import run_cog_validator


@dataclass
class FileFacts:
    """What ingestion needs to know about one file."""

    path: str
    width: int
    height: int
    band_count: int
    data_type: str
    bit_depth: int
    sample_format: str
    nodata: list
    epsg: Optional[int]
    geotransform: tuple
    bounds: tuple
    overviews: list = field(default_factory=list)
    header_size: int = 0
    compression: Optional[str] = None

    @property
    def pixel_size(self) -> Tuple[float, float]:
        """(x, y) pixel size in CRS units (absolute values)."""
        gt = self.geotransform
        return (math.hypot(gt[1], gt[4]), math.hypot(gt[2], gt[5]))


@dataclass(frozen=True)
class Level:
    """One resolution level of the first band (index 0 = full resolution, then the overviews)."""

    width: int
    height: int
    block_width: int
    block_height: int


@dataclass
class RasterFacts:
    """Everything the per-file rules look at (see :func:`read_raster_facts`)."""

    file: FileFacts
    driver: str  # GDAL short name, e.g. "GTiff"
    driver_long_name: str
    band_types: List[str]  # data type name of every band
    has_crs: bool
    crs_name: Optional[str]
    gcp_count: int
    levels: List[Level]
    colour_space: Optional[str]  # SOURCE_COLOR_SPACE, e.g. "YCbCr"
    interleave: Optional[str]  # "PIXEL" or "BAND"
    has_colour_table: bool
    has_alpha_band: bool
    has_internal_mask: bool
    # GeoTIFF only (empty for other formats): GDAL's COG validator and the TIFF structure
    validator_warnings: List[str] = field(default_factory=list)
    validator_errors: List[str] = field(default_factory=list)
    edited_in_place: bool = False

    @property
    def name(self) -> str:
        return self.file.path


def data_type_of(band: gdal.Band) -> str:
    """GDAL data type name of a band, "Int8" for GDAL 3.6's signed bytes."""
    name = gdal.GetDataTypeName(band.DataType)
    if name == "Byte" and band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
        return "Int8"
    return name


def epsg_of(ds: gdal.Dataset) -> Tuple[Optional[int], Optional[osr.SpatialReference]]:
    """(EPSG code or None, spatial reference or None) of an open dataset."""
    srs = ds.GetSpatialRef()
    if srs is None:
        return None, None
    for node in (None, "PROJCS", "GEOGCS"):
        if node == "GEOGCS" and srs.IsProjected():
            break
        if srs.GetAuthorityName(node) == "EPSG" and srs.GetAuthorityCode(node):
            return int(srs.GetAuthorityCode(node)), srs
    clone = srs.Clone()
    try:  # QGIS 3.40's Processing turns OSR exceptions on for the whole process
        identified = clone.AutoIdentifyEPSG() == 0
    except RuntimeError:  # "Unsupported SRS"
        identified = False
    if identified and clone.GetAuthorityCode(None):
        return int(clone.GetAuthorityCode(None)), srs
    return None, srs


def _is_bigtiff(path: str) -> bool:
    handle = gdal.VSIFOpenL(path, "rb")
    if handle is None:
        return False
    try:
        magic = gdal.VSIFReadL(1, 4, handle) or b""
    finally:
        gdal.VSIFCloseL(handle)
    return magic[2:4] in (b"+\x00", b"\x00+")


def tile_index_bytes(ds: gdal.Dataset) -> int:
    """Size of the TIFF tile index (TileOffsets + TileByteCounts of every level, mask levels included), in bytes.

    Every tile of every level has an offset and a byte count of 4 bytes (classic TIFF) or 8 (BigTIFF), one per
    band when bands are stored separately (planar). This is what BYOC's 1 MB header limit mostly consists of.
    """
    entry = 8 if _is_bigtiff(ds.GetDescription()) else 4
    planar = (ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") or "").upper() == "BAND"
    samples = ds.RasterCount if planar else 1
    band = ds.GetRasterBand(1)
    levels = [band] + [band.GetOverview(i) for i in range(band.GetOverviewCount())]
    if band.GetMaskFlags() == gdal.GMF_PER_DATASET:  # an internal mask: its own tiled levels in the file
        levels += [lvl.GetMaskBand() for lvl in list(levels)]
    blocks = 0
    for lvl in levels:
        bx, by = lvl.GetBlockSize()
        blocks += ((lvl.XSize + bx - 1) // bx) * ((lvl.YSize + by - 1) // by)
    return blocks * samples * 2 * entry


def _bounds(gt: tuple, width: int, height: int) -> tuple:
    xs = [gt[0] + gt[1] * c + gt[2] * r for c, r in ((0, 0), (width, 0), (0, height), (width, height))]
    ys = [gt[3] + gt[4] * c + gt[5] * r for c, r in ((0, 0), (width, 0), (0, height), (width, height))]
    return (min(xs), min(ys), max(xs), max(ys))


def read_raster_facts(ds: gdal.Dataset, name: str) -> RasterFacts:
    """Read the facts of a dataset with at least one band; runs GDAL's COG validator on GeoTIFFs."""
    band = ds.GetRasterBand(1)
    bands = [ds.GetRasterBand(i + 1) for i in range(ds.RasterCount)]
    band_types = [data_type_of(b) for b in bands]
    gt = tuple(ds.GetGeoTransform(can_return_null=True) or ())
    epsg, srs = epsg_of(ds)
    compression = ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")
    overview_bands = [band.GetOverview(i) for i in range(band.GetOverviewCount())]
    file = FileFacts(
        path=name,
        width=ds.RasterXSize,
        height=ds.RasterYSize,
        band_count=ds.RasterCount,
        data_type=band_types[0],
        bit_depth=0,
        sample_format="UNKNOWN",
        nodata=[b.GetNoDataValue() for b in bands],
        epsg=epsg,
        geotransform=gt,
        bounds=_bounds(gt, ds.RasterXSize, ds.RasterYSize) if gt else (),
        overviews=[(o.XSize, o.YSize) for o in overview_bands],
        compression=compression.upper() if compression else None,
    )
    file.bit_depth, file.sample_format = SUPPORTED_TYPES.get(file.data_type) or OTHER_TYPES.get(
        file.data_type, (0, "UNKNOWN")
    )
    facts = RasterFacts(
        file=file,
        driver=ds.GetDriver().ShortName,
        driver_long_name=ds.GetDriver().LongName,
        band_types=band_types,
        has_crs=srs is not None,
        crs_name=srs.GetName() if srs is not None else None,
        gcp_count=ds.GetGCPCount(),
        levels=[Level(b.XSize, b.YSize, *b.GetBlockSize()) for b in [band] + overview_bands],
        colour_space=ds.GetMetadataItem("SOURCE_COLOR_SPACE", "IMAGE_STRUCTURE"),
        interleave=ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE"),
        has_colour_table=any(b.GetColorTable() is not None for b in bands),
        has_alpha_band=any(b.GetColorInterpretation() == gdal.GCI_AlphaBand for b in bands),
        has_internal_mask=band.GetMaskFlags() == gdal.GMF_PER_DATASET,
    )
    if facts.driver == "GTiff":
        _read_tiff_layout(ds, facts)
    return facts


def _read_tiff_layout(ds: gdal.Dataset, facts: RasterFacts) -> None:
    """The COG validator's verdict, the header size and the edition flag of a GeoTIFF."""
    facts.validator_warnings, facts.validator_errors, details = run_cog_validator(ds)
    offsets = [v for v in (details.get("data_offsets") or {}).values() if v]
    # The first image data marks the end of the header in a COG; the tile index alone is a lower bound that
    # also holds for sparse files (no data at all) and files whose index sits after the data.
    facts.file.header_size = max(min(offsets) if offsets else 0, tile_index_bytes(ds))
    facts.edited_in_place = ds.GetMetadataItem("KNOWN_INCOMPATIBLE_EDITION", "TIFF") == "YES"
