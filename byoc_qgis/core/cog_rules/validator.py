"""The COG layout check: GDAL's own validator (``osgeo_utils``), or our fallback when this GDAL build lacks it."""

from __future__ import annotations

from typing import List, Optional, Tuple

from osgeo import gdal

from ..gdal_compat import collect_errors

NETWORK_PREFIXES = ("/vsis3/", "/vsicurl", "/vsigs/", "/vsiaz/", "/vsioss/", "/vsiswift/", "/vsiadls/")


def run_cog_validator(ds: gdal.Dataset, full_check: Optional[bool] = None) -> Tuple[List[str], List[str], dict]:
    """GDAL's COG validator on an open GeoTIFF: (warnings, errors, details).

    ``full_check`` (ghost-header promises per block) defaults to True for local files and False for network
    paths, where it would cost two range requests per block.
    """
    if full_check is None:
        full_check = not ds.GetDescription().startswith(NETWORK_PREFIXES)
    cogval = _gdal_validator()
    if cogval is None:
        return fallback_validate(ds)
    with collect_errors():
        try:
            return cogval.validate(ds, check_tiled=True, full_check=full_check)
        except cogval.ValidateCloudOptimizedGeoTIFFException as exc:
            return [], [str(exc)], {}


def _gdal_validator():
    """GDAL's COG validator module, or None when this GDAL build lacks osgeo_utils (then our fallback runs)."""
    try:
        from osgeo_utils.samples import validate_cloud_optimized_geotiff as cogval
    except ImportError:
        return None
    return cogval


def fallback_validate(ds: gdal.Dataset) -> Tuple[List[str], List[str], dict]:
    """Minimal COG layout check from GDAL's TIFF metadata, used when osgeo_utils is not installed.

    Checks what matters for BYOC: internal (not .ovr) overviews, tiling, decreasing overview sizes, IFDs in
    increasing order and imagery stored from the smallest overview to full resolution. Returns what GDAL's
    validator returns: (warnings, errors, details with "ifd_offsets" and "data_offsets" per level).
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
        data.append(_first_block_offset(lvl))
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


def _first_block_offset(level: gdal.Band) -> int:
    """File offset of the first stored block of a level (0 when no block is stored: a sparse file)."""
    bx, by = level.GetBlockSize()
    for yb in range((level.YSize + by - 1) // by):
        row = (level.GetMetadataItem(f"BLOCK_OFFSET_{xb}_{yb}", "TIFF") for xb in range((level.XSize + bx - 1) // bx))
        first = next((item for item in row if item), None)  # the first stored block of the row
        if first and int(first):
            return int(first)
    return 0
