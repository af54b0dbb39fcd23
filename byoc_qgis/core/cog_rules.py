"""The BYOC file rules in one place: what a file and a tile must satisfy before Sentinel Hub can ingest them.

Used by the plugin's pre-flight check and by localhub's ingestion (which reports the first error's ``message``
verbatim as ``failedIngestionCause``). Pure GDAL/OGR + standard library; importable without QGIS.

Rules (cog-and-outline.md §1-3): GDAL's COG validator (layout, tiling, internal overviews), internal tiles of
256..2048 px at every level, header <= 1 MB, supported compression and photometric interpretation, allowed CRS,
supported sample types, overviews for big images, <= 10 chunky bands; per tile: one extension, matching bounds,
and the collection's bands (file set, band index, bit depth, sample format).
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from osgeo import gdal, osr

from .gdal_compat import GdalError, collect_errors, describe_unreadable, open_raster

ALLOWED_EPSG = frozenset({4326, 3857, 3035, *range(32601, 32661), *range(32701, 32761)})

MIN_BLOCK = 256
MAX_BLOCK = 2048
MAX_HEADER_BYTES = 1024 * 1024
MAX_CHUNKY_BANDS = 10
MAX_COLLECTION_BANDS = 100
OVERVIEW_THRESHOLD = 1024  # images larger than this (long side) need overviews
COARSEST_OVERVIEW_MAX = 2048  # warn when the coarsest level is still bigger than this

# GDAL's COMPRESSION metadata values that BYOC reads (None = uncompressed).
ALLOWED_COMPRESSION = frozenset({"DEFLATE", "ZSTD", "LZW", "PACKBITS", "NONE"})

# GDAL data type name -> (bit depth, sample format) for the types BYOC supports.
SUPPORTED_TYPES: Dict[str, Tuple[int, str]] = {
    "Byte": (8, "UINT"),
    "Int8": (8, "INT"),
    "UInt16": (16, "UINT"),
    "Int16": (16, "INT"),
    "Float32": (32, "FLOAT"),
}
_OTHER_TYPES: Dict[str, Tuple[int, str]] = {
    "UInt32": (32, "UINT"),
    "Int32": (32, "INT"),
    "UInt64": (64, "UINT"),
    "Int64": (64, "INT"),
    "Float64": (64, "FLOAT"),
    "Float16": (16, "FLOAT"),
    "CInt16": (32, "COMPLEX"),
    "CInt32": (64, "COMPLEX"),
    "CFloat32": (64, "COMPLEX"),
    "CFloat64": (128, "COMPLEX"),
}

COGIFY_FIX = "Re-create the file as a COG with BLOCKSIZE=1024 and internal AVERAGE overviews (COGify does this)."


@dataclass(frozen=True)
class Finding:
    """One problem found in a file or tile."""

    severity: str  # "error" | "warning"
    file: str  # the file the finding is about; "" for tile-level findings
    rule: str  # stable id, e.g. "block-size"
    value: str  # what was found
    message: str  # one actionable sentence (localhub: failedIngestionCause)
    fix: str  # how to fix it

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{self.severity.upper()} [{self.rule}] {where}{self.message} (found: {self.value}) Fix: {self.fix}"


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


def is_allowed_epsg(code: Optional[int]) -> bool:
    """True when Sentinel Hub BYOC accepts files in EPSG:``code``."""
    return code is not None and int(code) in ALLOWED_EPSG


def _error(file: str, rule: str, value: str, message: str, fix: str) -> Finding:
    return Finding("error", file, rule, value, message, fix)


def _warning(file: str, rule: str, value: str, message: str, fix: str) -> Finding:
    return Finding("warning", file, rule, value, message, fix)


def _is_network(path: str) -> bool:
    return path.startswith(("/vsis3/", "/vsicurl", "/vsigs/", "/vsiaz/", "/vsioss/", "/vsiswift/", "/vsiadls/"))


def _validator():
    """GDAL's COG validator module, or None when this GDAL build lacks osgeo_utils (then our fallback runs)."""
    try:
        from osgeo_utils.samples import validate_cloud_optimized_geotiff as cogval
    except ImportError:
        return None
    return cogval


def _fallback_validate(ds: gdal.Dataset) -> Tuple[List[str], List[str], dict]:
    """Minimal COG layout check from GDAL's TIFF metadata, used when osgeo_utils is not installed.

    Checks what matters for BYOC: internal (not .ovr) overviews, tiling, decreasing overview sizes, IFDs in
    increasing order and imagery stored from the smallest overview to full resolution.
    """
    errors: List[str] = []
    warnings: List[str] = []
    band = ds.GetRasterBand(1)
    levels = [band] + [band.GetOverview(i) for i in range(band.GetOverviewCount())]
    name = ds.GetDescription()
    files = ds.GetFileList() or []
    if name + ".ovr" in files:
        errors.append("Overviews found in external .ovr file. They should be internal")
    if max(band.XSize, band.YSize) > 512 and band.GetOverviewCount() == 0:
        warnings.append("The file is greater than 512xH or Wx512, it is recommended to include internal overviews")
    ifd = []
    data = []
    for i, lvl in enumerate(levels):
        bx, by = lvl.GetBlockSize()
        if i > 0 and (lvl.XSize > levels[i - 1].XSize or lvl.YSize > levels[i - 1].YSize):
            errors.append(f"Overview of index {i - 1} is larger than the previous level")
        if bx == lvl.XSize and bx > 1024:
            errors.append(
                "The file is greater than 512xH or Wx512, but is not tiled"
                if i == 0
                else f"Overview of index {i - 1} is not tiled"
            )
        ifd.append(int(lvl.GetMetadataItem("IFD_OFFSET", "TIFF") or 0))
        offset = 0
        for yb in range((lvl.YSize + by - 1) // by):
            for xb in range((lvl.XSize + bx - 1) // bx):
                item = lvl.GetMetadataItem(f"BLOCK_OFFSET_{xb}_{yb}", "TIFF")
                if item:
                    offset = int(item)
                    break
            if offset:
                break
        data.append(offset)
    for i in range(1, len(ifd)):
        if ifd[i] < ifd[i - 1]:
            errors.append(f"The offset of the IFD for overview of index {i - 1} is smaller than the previous one")
    for i in range(len(data) - 1):
        if data[i] and data[i + 1] and data[i] < data[i + 1]:
            errors.append(f"The imagery of level {i} is stored before the imagery of level {i + 1}")
    details = {
        "ifd_offsets": {("main" if i == 0 else f"overview_{i - 1}"): v for i, v in enumerate(ifd)},
        "data_offsets": {("main" if i == 0 else f"overview_{i - 1}"): v for i, v in enumerate(data)},
    }
    return warnings, errors, details


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


def run_cog_validator(ds: gdal.Dataset, full_check: Optional[bool] = None) -> Tuple[List[str], List[str], dict]:
    """GDAL's COG validator on an open GeoTIFF: (warnings, errors, details).

    ``full_check`` (ghost-header promises per block) defaults to True for local files and False for network
    paths, where it would cost two range requests per block.
    """
    if full_check is None:
        full_check = not _is_network(ds.GetDescription())
    cogval = _validator()
    if cogval is None:
        return _fallback_validate(ds)
    with collect_errors():
        try:
            return cogval.validate(ds, check_tiled=True, full_check=full_check)
        except cogval.ValidateCloudOptimizedGeoTIFFException as exc:
            return [], [str(exc)], {}


def _data_type(band: gdal.Band) -> str:
    name = gdal.GetDataTypeName(band.DataType)
    if name == "Byte" and band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
        return "Int8"
    return name


def _epsg(ds: gdal.Dataset) -> Tuple[Optional[int], Optional[osr.SpatialReference]]:
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


def epsg_of(ds: gdal.Dataset) -> Tuple[Optional[int], Optional[osr.SpatialReference]]:
    """(EPSG code or None, spatial reference or None) of an open dataset."""
    return _epsg(ds)


def data_type_of(band: gdal.Band) -> str:
    """GDAL data type name of a band, "Int8" for GDAL 3.6's signed bytes."""
    return _data_type(band)


def _bounds(gt: tuple, width: int, height: int) -> tuple:
    xs = [gt[0] + gt[1] * c + gt[2] * r for c, r in ((0, 0), (width, 0), (0, height), (width, height))]
    ys = [gt[3] + gt[4] * c + gt[5] * r for c, r in ((0, 0), (width, 0), (0, height), (width, height))]
    return (min(xs), min(ys), max(xs), max(ys))


def _level_name(index: int) -> str:
    return "full resolution" if index == 0 else f"overview {index}"


def _block_findings(name: str, band: gdal.Band) -> List[Finding]:
    findings: List[Finding] = []
    levels = [band] + [band.GetOverview(i) for i in range(band.GetOverviewCount())]
    sizes = []
    for index, lvl in enumerate(levels):
        bx, by = lvl.GetBlockSize()
        striped = bx == lvl.XSize and by != bx
        sizes.append((bx, by))
        if striped or not (MIN_BLOCK <= bx <= MAX_BLOCK and MIN_BLOCK <= by <= MAX_BLOCK):
            layout = f"strips of {by} row(s)" if striped else f"{bx}x{by} tiles"
            findings.append(
                _error(
                    name,
                    "block-size",
                    f"{layout} at {_level_name(index)} (image index {index})",
                    f"Ensure tiles of image at index {index} have width and height "
                    f"between {MIN_BLOCK} and {MAX_BLOCK}.",
                    "Re-create the file with BLOCKSIZE=1024 at every level, e.g. gdal_translate -of COG "
                    "-co BLOCKSIZE=1024 -co OVERVIEWS=IGNORE_EXISTING (COGify does this).",
                )
            )
    if len(set(sizes)) > 1 and not findings:
        findings.append(
            _warning(
                name,
                "block-size",
                ", ".join(f"{bx}x{by}" for bx, by in sizes),
                "Internal tile sizes differ between levels; older Sentinel Hub deployments require equal sizes.",
                "Re-create the file with one BLOCKSIZE for all levels (COGify does this).",
            )
        )
    return findings


def _validator_findings(name: str, warnings: List[str], errors: List[str]) -> List[Finding]:
    findings: List[Finding] = []
    for text in errors:
        low = text.lower()
        if ".ovr" in low:
            rule, fix = "overviews", "Build internal overviews (COGify does this); BYOC ignores external .ovr files."
        elif "not tiled" in low:
            rule, fix = "tiled", COGIFY_FIX
        else:
            rule, fix = "cog-layout", COGIFY_FIX
        findings.append(_error(name, rule, text, f"The file is not a valid Cloud Optimized GeoTIFF: {text}.", fix))
    for text in warnings:
        if "overview" in text.lower():
            continue  # reported by the BYOC "overviews" rule with a clearer text
        findings.append(_warning(name, "cog-layout", text, f"COG validator: {text}.", COGIFY_FIX))
    return findings


def inspect_file(path: str) -> Tuple[Optional[FileFacts], List[Finding]]:
    """Check one local or /vsis3/ file against the BYOC per-file rules.

    The caller sets any /vsis3/ options (credentials, endpoint) beforehand. Returns the file's facts (None
    when it cannot be read; then a "readable" error explains why) and the findings, errors first.
    """
    name = path
    try:
        ds = open_raster(path)
    except GdalError as exc:
        reason, fix = describe_unreadable(path)
        detail = str(exc).split(": ", 1)[-1]
        if "unknown GDAL error" in detail or "not recognized as being in a supported file format" in detail:
            detail = ""  # GDAL said nothing more than our diagnosis (the wording differs between GDAL versions)
        message = f"The file cannot be read as a raster: {path}: {reason}" + (f" (GDAL: {detail})" if detail else "")
        return None, [_error(name, "readable", reason, message, fix)]
    try:
        return _inspect_dataset(ds, name)
    finally:
        ds = None  # noqa: F841 - close the dataset


def _inspect_dataset(ds: gdal.Dataset, name: str) -> Tuple[Optional[FileFacts], List[Finding]]:
    findings: List[Finding] = []
    driver = ds.GetDriver().ShortName
    if ds.RasterCount == 0:
        return None, [_error(name, "readable", "0 bands", "The file has no raster bands.", "Provide a raster GeoTIFF.")]
    band = ds.GetRasterBand(1)
    width, height, count = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
    dtypes = [_data_type(ds.GetRasterBand(i + 1)) for i in range(count)]
    data_type = dtypes[0]
    bit_depth, sample_format = SUPPORTED_TYPES.get(data_type) or _OTHER_TYPES.get(data_type, (0, "UNKNOWN"))
    nodata = [ds.GetRasterBand(i + 1).GetNoDataValue() for i in range(count)]
    gt = tuple(ds.GetGeoTransform(can_return_null=True) or ())
    epsg, srs = _epsg(ds)
    bounds = _bounds(gt, width, height) if gt else ()
    compression = ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")
    compression = compression.upper() if compression else None
    overviews = [(band.GetOverview(i).XSize, band.GetOverview(i).YSize) for i in range(band.GetOverviewCount())]

    # --- format and layout (GDAL's validator) ---
    header_size = 0
    if driver != "GTiff":
        findings.append(
            _error(
                name,
                "cog-layout",
                f"{driver} file",
                f"The file is a {ds.GetDriver().LongName} file; BYOC reads only Cloud Optimized GeoTIFFs.",
                "Convert it to a COG (COGify does this).",
            )
        )
    else:
        warnings, errors, details = run_cog_validator(ds)
        findings += _validator_findings(name, warnings, errors)
        offsets = [v for v in (details.get("data_offsets") or {}).values() if v]
        # The first image data marks the end of the header in a COG; the tile index alone is a lower bound that
        # also holds for sparse files (no data at all) and files whose index sits after the data.
        header_size = max(min(offsets) if offsets else 0, tile_index_bytes(ds))
        if header_size > MAX_HEADER_BYTES:
            findings.append(
                _error(
                    name,
                    "header-size",
                    f"{header_size} bytes",
                    f"The file header (IFDs and tile index) is {header_size} bytes; BYOC reads at most "
                    f"{MAX_HEADER_BYTES} bytes.",
                    "Re-create the file with bigger internal tiles (BLOCKSIZE=1024) or split it into smaller files.",
                )
            )
        if ds.GetMetadataItem("KNOWN_INCOMPATIBLE_EDITION", "TIFF") == "YES" and not any(
            "KNOWN_INCOMPATIBLE_EDITION" in e for e in errors
        ):
            findings.append(
                _error(
                    name,
                    "cog-layout",
                    "KNOWN_INCOMPATIBLE_EDITION=YES",
                    "The COG was edited in place and lost its layout.",
                    COGIFY_FIX,
                )
            )

    # --- georeferencing and CRS ---
    if not gt or srs is None:
        if not gt and ds.GetGCPCount():
            missing, value = "regular geotransform", "GCPs only"
        else:
            missing = "geotransform" if not gt else "CRS"
            value = f"no {missing}"
        findings.append(
            _error(
                name,
                "georeferencing",
                value,
                f"The file has no {missing}; BYOC needs GeoTIFF georeferencing (ModelTiepoint, ModelPixelScale, "
                "GeoKeys).",
                "Georeference the file (gdal_translate -a_srs EPSG:<code> -a_ullr ...) or warp it to a grid.",
            )
        )
    if srs is not None:
        if epsg is None:
            findings.append(
                _error(
                    name,
                    "crs",
                    (srs.GetName() or "unknown CRS"),
                    "The file's CRS has no EPSG code; BYOC accepts EPSG:4326, 3857, 3035 and UTM (326xx/327xx).",
                    "Reproject to an allowed CRS (COGify with reprojection does this).",
                )
            )
        elif not is_allowed_epsg(epsg):
            findings.append(
                _error(
                    name,
                    "crs",
                    f"EPSG:{epsg}",
                    f"EPSG:{epsg} is not supported by BYOC; use EPSG:4326, 3857, 3035 or UTM (326xx/327xx).",
                    "Reproject to an allowed CRS (COGify with reprojection does this).",
                )
            )
    if (
        epsg == 4326
        and bounds
        and (bounds[1] < -90 - 1e-9 or bounds[3] > 90 + 1e-9 or bounds[0] < -180 - 1e-9 or bounds[2] > 180 + 1e-9)
    ):
        findings.append(
            _error(
                name,
                "bounds",
                "({:.6f}, {:.6f}, {:.6f}, {:.6f})".format(*bounds),
                "The file extends beyond -180..180 / -90..90 degrees (crosses a pole or the valid range).",
                "Clip the file to the valid range or split it.",
            )
        )

    # --- pixels ---
    bad_types = sorted({t for t in dtypes if t not in SUPPORTED_TYPES})
    if bad_types:
        findings.append(
            _error(
                name,
                "data-type",
                ", ".join(bad_types),
                f"Sample type {', '.join(bad_types)} is not supported; BYOC reads UInt8, Int8, UInt16, Int16 "
                "and Float32.",
                "Convert the data type (COGify's 'convert data type' option, e.g. Float64 -> Float32, "
                "Int32 -> Int16 after scaling).",
            )
        )
    if len(set(dtypes)) > 1:
        findings.append(
            _warning(
                name,
                "data-type",
                ", ".join(dtypes),
                "The bands of this file have different data types.",
                "Write one data type per file or one file per band.",
            )
        )
    if compression is not None and compression not in ALLOWED_COMPRESSION:
        findings.append(
            _error(
                name,
                "compression",
                compression,
                f"{compression} compression is not supported by BYOC.",
                "Re-compress with DEFLATE or ZSTD (COGify does this).",
            )
        )
    color_table = any(ds.GetRasterBand(i + 1).GetColorTable() is not None for i in range(count))
    photometric = ds.GetMetadataItem("SOURCE_COLOR_SPACE", "IMAGE_STRUCTURE")
    if color_table:
        findings.append(
            _error(
                name,
                "photometric",
                "palette (colour table)",
                "The file has a colour table (photometric PALETTE), which BYOC does not support.",
                "Drop the colour table and keep the index values as grey levels (COGify does this).",
            )
        )
    if photometric and photometric.upper() == "YCBCR" or (compression or "").startswith("YCBCR"):
        findings.append(
            _error(
                name,
                "photometric",
                "YCbCr",
                "The file uses the YCbCr colour space, which BYOC does not support.",
                "Re-create it with PHOTOMETRIC MinIsBlack or RGB and DEFLATE/ZSTD compression (COGify does this).",
            )
        )
    interleave = ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE")
    if interleave == "PIXEL" and count > MAX_CHUNKY_BANDS:
        findings.append(
            _error(
                name,
                "chunky-bands",
                f"{count} pixel-interleaved bands",
                f"The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {MAX_CHUNKY_BANDS}.",
                "Write one file per band, or a band-interleaved (planar) GeoTIFF (COGify 'one file per band').",
            )
        )
    if count > MAX_COLLECTION_BANDS:
        findings.append(
            _error(
                name,
                "band-count",
                f"{count} bands",
                f"The file has {count} bands; a BYOC collection has at most {MAX_COLLECTION_BANDS}.",
                "Split the bands over fewer, smaller files or collections.",
            )
        )
    alpha = any(ds.GetRasterBand(i + 1).GetColorInterpretation() == gdal.GCI_AlphaBand for i in range(count))
    mask_flags = band.GetMaskFlags()
    if alpha or (mask_flags == gdal.GMF_PER_DATASET):
        findings.append(
            _warning(
                name,
                "nodata",
                "alpha band" if alpha else "internal mask",
                "Sentinel Hub ignores alpha bands and internal masks: masked pixels will show as data.",
                "Encode no-data as a value (GDAL_NODATA tag), e.g. COGify with a no-data value.",
            )
        )

    # --- overviews ---
    if max(width, height) > OVERVIEW_THRESHOLD and not overviews:
        findings.append(
            _error(
                name,
                "overviews",
                f"{width}x{height} without overviews",
                "The image has no internal overviews; zoomed-out requests fail and ingestion may fail.",
                "Add internal AVERAGE overviews down to about 1024 px (COGify does this).",
            )
        )
    elif overviews and max(overviews[-1]) > COARSEST_OVERVIEW_MAX:
        findings.append(
            _warning(
                name,
                "overviews",
                "coarsest overview {}x{}".format(*overviews[-1]),
                "The coarsest overview is still large; zoomed-out requests will be limited.",
                "Add overview levels until the image fits one 1024-px tile (COGify does this).",
            )
        )
    if driver == "GTiff":
        findings += _block_findings(name, band)

    ext = os.path.splitext(name)[1]
    if ext.lower() not in (".tif", ".tiff"):
        findings.append(
            _warning(
                name,
                "extension",
                ext or "(none)",
                "The file name does not end in .tif or .tiff.",
                "Name COG files <band>.tif or <band>.tiff.",
            )
        )

    facts = FileFacts(
        path=name,
        width=width,
        height=height,
        band_count=count,
        data_type=data_type,
        bit_depth=bit_depth,
        sample_format=sample_format,
        nodata=nodata,
        epsg=epsg,
        geotransform=gt,
        bounds=bounds,
        overviews=overviews,
        header_size=header_size,
        compression=compression,
    )
    return facts, _sorted(findings)


def _sorted(findings: List[Finding]) -> List[Finding]:
    return sorted(findings, key=lambda f: 0 if f.is_error else 1)


def _ext(path: str) -> str:
    return os.path.splitext(path)[1]


def check_tile(
    files: Mapping[str, str], collection_bands: Optional[Mapping[str, dict]] = None
) -> Tuple[Dict[str, FileFacts], List[Finding]]:
    """Check the files of one tile: each file, then the tile-level rules.

    ``files`` maps the file stem that replaces ``(BAND)`` (e.g. "B02") to its path. ``collection_bands`` is the
    collection's ``additionalData.bands`` when it is configured. Returns the facts of the readable files and all
    findings, errors first.
    """
    facts: Dict[str, FileFacts] = {}
    findings: List[Finding] = []
    if not files:
        return facts, [
            _error(
                "", "file-set", "no files", "The tile has no files.", "Check the tile path and its (BAND) placeholder."
            )
        ]
    for stem, path in files.items():
        f, found = inspect_file(path)
        findings += found
        if f is not None:
            facts[stem] = f

    exts = sorted({_ext(p) for p in files.values()})
    if len(exts) > 1:
        findings.append(
            _error(
                "",
                "extension",
                ", ".join(exts),
                f"The tile's files use different extensions ({', '.join(exts)}); BYOC needs one per tile.",
                "Rename the files to one extension, e.g. all .tif.",
            )
        )

    epsgs = sorted({str(f.epsg) for f in facts.values()})
    if len(epsgs) > 1:
        findings.append(
            _error(
                "",
                "crs",
                ", ".join(f"EPSG:{e}" for e in epsgs),
                "The tile's files are in different CRSs; all files of a tile must share one CRS.",
                "Reproject the files to one CRS.",
            )
        )
    elif len(facts) > 1:
        findings += _bounds_findings(facts)

    if collection_bands is not None:
        findings += _collection_findings(files, facts, collection_bands)
    total = sum(f.band_count for f in facts.values())
    if collection_bands is None and total > MAX_COLLECTION_BANDS:
        findings.append(
            _error(
                "",
                "band-count",
                f"{total} bands",
                f"The tile's files have {total} bands together; a collection has at most {MAX_COLLECTION_BANDS}.",
                "Split the data over several collections.",
            )
        )
    return facts, _sorted(findings)


def _bounds_findings(facts: Mapping[str, FileFacts]) -> List[Finding]:
    valid = {k: f for k, f in facts.items() if f.bounds}
    if len(valid) < 2:
        return []
    inter = (
        max(f.bounds[0] for f in valid.values()),
        max(f.bounds[1] for f in valid.values()),
        min(f.bounds[2] for f in valid.values()),
        min(f.bounds[3] for f in valid.values()),
    )
    findings = []
    if inter[0] >= inter[2] or inter[1] >= inter[3]:
        return [
            _error(
                "",
                "bounds",
                "no common area",
                "The tile's files do not overlap; all files of a tile must cover the same area.",
                "Put only files of the same area into one tile.",
            )
        ]
    for stem, f in valid.items():
        px, py = f.pixel_size
        diff = [abs(a - b) for a, b in zip(f.bounds, inter)]
        if diff[0] > px * 1.0001 or diff[2] > px * 1.0001 or diff[1] > py * 1.0001 or diff[3] > py * 1.0001:
            findings.append(
                _error(
                    f.path,
                    "bounds",
                    "bbox ({:.3f}, {:.3f}, {:.3f}, {:.3f}) vs common ({:.3f}, {:.3f}, {:.3f}, {:.3f})".format(
                        *f.bounds, *inter
                    ),
                    f"File {stem} extends more than one pixel beyond the area shared by all files of the tile.",
                    "Clip or warp all band files of a tile to the same extent (gdalwarp -te).",
                )
            )
    return findings


def _collection_findings(
    files: Mapping[str, str], facts: Mapping[str, FileFacts], bands: Mapping[str, dict]
) -> List[Finding]:
    findings: List[Finding] = []
    sources = {}
    for name, spec in bands.items():
        sources.setdefault(spec.get("source") or name, []).append(name)
    missing = sorted(set(sources) - set(files))
    extra = sorted(set(files) - set(sources))
    if missing:
        findings.append(
            _error(
                "",
                "file-set",
                "missing " + ", ".join(missing),
                f"The tile lacks the band file(s) {', '.join(missing)} that the collection's bands use.",
                "Upload a file for every band source of the collection (same file names in every tile).",
            )
        )
    if extra:
        findings.append(
            _error(
                "",
                "file-set",
                "unexpected " + ", ".join(extra),
                f"The tile has file(s) {', '.join(extra)} that no band of the collection uses.",
                "Use the same set of file names in every tile, or add bands for these files to the collection.",
            )
        )
    for name, spec in bands.items():
        source = spec.get("source") or name
        f = facts.get(source)
        if f is None:
            continue
        index = int(spec.get("bandIndex") or 1)
        if index < 1 or index > f.band_count:
            findings.append(
                _error(
                    f.path,
                    "band-count",
                    f"{f.band_count} band(s), bandIndex {index}",
                    f"Band {name} reads band {index} of {source}, which has only {f.band_count} band(s).",
                    "Provide the missing band in the file or change the band's bandIndex.",
                )
            )
        want_depth = spec.get("bitDepth")
        if want_depth is not None and int(want_depth) != f.bit_depth:
            findings.append(
                _error(
                    f.path,
                    "bit-depth",
                    f"{f.bit_depth} bit ({f.data_type})",
                    f"Band {name} is configured with bit depth {want_depth}, but {source} has {f.bit_depth}.",
                    f"Convert the file to {want_depth}-bit samples (COGify 'convert data type').",
                )
            )
        want_format = spec.get("sampleFormat")
        if want_format is not None and str(want_format).upper() != f.sample_format:
            findings.append(
                _error(
                    f.path,
                    "sample-format",
                    f"{f.sample_format} ({f.data_type})",
                    f"Band {name} is configured with sample format {want_format}, but {source} is {f.sample_format}.",
                    f"Convert the file to {want_format} samples (COGify 'convert data type').",
                )
            )
    return findings


def bands_from_facts(facts: Mapping[str, FileFacts]) -> Dict[str, dict]:
    """Band configuration as the service creates it on the first ingest.

    One band per single-band file named like the file ("B02"); a multi-band file "RGB" gives "RGB_1", "RGB_2"...
    Each band has source, bandIndex, bitDepth, sampleFormat, and noData when the file sets one.
    """
    bands: Dict[str, dict] = {}
    for stem, f in facts.items():
        for i in range(1, f.band_count + 1):
            name = stem if f.band_count == 1 else f"{stem}_{i}"
            spec = {"source": stem, "bandIndex": i, "bitDepth": f.bit_depth, "sampleFormat": f.sample_format}
            nd = f.nodata[i - 1] if i - 1 < len(f.nodata) else None
            if nd is not None and not math.isnan(nd):
                spec["noData"] = nd
            bands[name] = spec
    return bands


def collection_nodata(facts: Mapping[str, FileFacts]) -> Optional[float]:
    """The collection-wide no-data value when every band of every file sets the same one, else None.

    NaN is always no-data in Sentinel Hub and never becomes a collection no-data value.
    """
    values = [v for f in facts.values() for v in (f.nodata or [None])]
    if not values or any(v is None for v in values):
        return None
    if any(math.isnan(v) for v in values):
        return None
    first = values[0]
    return first if all(v == first for v in values) else None


# --- failure cause wording -> rule (one source of truth, next to the messages above) ---

_VALIDATOR_PREFIX = "the file is not a valid cloud optimized geotiff:"

# (regex on the lower-cased cause, rule id), first match wins: this module's messages (localhub reports them
# verbatim as failedIngestionCause) and Sentinel Hub's own wording for the same problems
_CAUSE_PATTERNS: List[Tuple[str, str]] = [
    (r"cannot be read as a raster|no raster bands", "readable"),
    (r"ensure tiles of image at index|tiles? .*width and height between|internal tile sizes differ", "block-size"),
    (r"\.ovr|external overview", "overviews"),
    (r"not tiled", "tiled"),
    (r"cog validator|edited in place|reads only cloud optimized", "cog-layout"),
    (r"no internal overviews|coarsest overview|overview", "overviews"),
    (r"cloud optimized geotiff|\bcog\b", "cog-layout"),
    (r"not recognized as a supported file format|no such file|does not exist|access denied|cannot be read", "readable"),
    (r"header", "header-size"),
    (r"compression", "compression"),
    (r"colou?r table|palette|ycbcr", "photometric"),
    (r"no geotransform|no regular geotransform|no crs|georeferenc", "georeferencing"),
    (r"epsg|crs", "crs"),
    (r"sample type|data type", "data-type"),
    (r"pixel-interleaved|chunky", "chunky-bands"),
    (r"different extensions|does not end in \.tif", "extension"),
    (r"do not overlap|beyond the area|extends", "bounds"),
    (r"lacks the band file|no band of the collection uses|file\(s\)|has no files", "file-set"),
    (r"bit depth", "bit-depth"),
    (r"sample format", "sample-format"),
    (r"bands together|has only|bands; a byoc collection", "band-count"),
    (r"alpha band|internal mask", "nodata"),
]
_CAUSE_RES = [(re.compile(pattern), rule) for pattern, rule in _CAUSE_PATTERNS]


def rule_for_cause(text: str) -> Optional[str]:
    """The rule id (``Finding.rule``) whose wording a failure cause uses, or None when none matches.

    Works on this module's ``Finding.message`` texts (what localhub reports as ``failedIngestionCause``) and on
    Sentinel Hub's own wording for the same problems. COG validator errors map as ``inspect_file`` maps them
    (external .ovr → "overviews", "not tiled" → "tiled", anything else → "cog-layout").
    """
    low = (text or "").strip().lower()
    if not low:
        return None
    if low.startswith(_VALIDATOR_PREFIX):
        detail = low[len(_VALIDATOR_PREFIX) :]
        return "overviews" if ".ovr" in detail else "tiled" if "not tiled" in detail else "cog-layout"
    return next((rule for regex, rule in _CAUSE_RES if regex.search(low)), None)
