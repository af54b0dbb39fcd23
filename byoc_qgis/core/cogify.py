"""COGify: turn any GDAL-readable raster into BYOC-ready Cloud Optimized GeoTIFFs.

Recipe (cog-and-outline.md §4): a VRT carries the requested changes (band selection, no-data, data type,
reprojection, colour tables dropped), then the COG driver writes 1024-px tiles with DEFLATE or ZSTD and
explicitly resampled internal overviews (AVERAGE; MODE/NEAREST for categorical data). More than 10 bands in one
file are written band-interleaved (planar GTiff, COG layout via COPY_SRC_OVERVIEWS) because BYOC limits chunky
files to 10 bands. Files that already pass the BYOC check are left untouched. Outputs are written under a
temporary name and renamed at the end; on error or cancel nothing is left behind.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from osgeo import gdal, osr

from . import cog_rules
from .gdal_compat import GdalError, collect_errors, open_raster
from .progress import Cancelled, Progress
from .worded import WordedError

LAYOUT_MULTIBAND = "multiband"
LAYOUT_PER_BAND = "per-band"
COMPRESSIONS = ("DEFLATE", "ZSTD")
RESAMPLINGS = ("AVERAGE", "MODE", "NEAREST", "BILINEAR")
# Unsupported GDAL type -> what "convert unsupported types" writes (Float32 keeps integers up to 2^24 exactly).
AUTO_TYPE = {
    "Float64": "Float32",
    "Int32": "Float32",
    "UInt32": "Float32",
    "Int64": "Float32",
    "UInt64": "Float32",
    "Float16": "Float32",
}
_GDT = {"Byte": gdal.GDT_Byte, "UInt16": gdal.GDT_UInt16, "Int16": gdal.GDT_Int16, "Float32": gdal.GDT_Float32}
if hasattr(gdal, "GDT_Int8"):
    _GDT["Int8"] = gdal.GDT_Int8
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


class CogifyError(WordedError):
    """COGify cannot proceed; the message names the file and what to change."""


@dataclass
class CogifyOptions:
    """What COGify writes. Defaults give BYOC's recommended layout."""

    layout: str = LAYOUT_MULTIBAND  # or "per-band": one file per band
    compress: str = "DEFLATE"  # or "ZSTD"
    level: Optional[int] = None  # compression level (driver default when None)
    predictor: bool = False  # PREDICTOR=YES (can make noisy data larger: off by default)
    resampling: str = "AVERAGE"  # overviews; "MODE"/"NEAREST" for categorical data
    blocksize: int = 1024
    nodata: Optional[float] = None  # set this no-data value (None = carry over the source's)
    target_epsg: Optional[int] = None  # reproject to this EPSG code (must be an allowed one)
    warp_resampling: Optional[str] = None  # for reprojection; default: nearest for MODE/NEAREST, else bilinear
    output_type: Optional[str] = None  # convert to Byte/Int8/UInt16/Int16/Float32
    convert_unsupported: bool = False  # convert Float64/Int32/UInt32... to Float32 automatically
    band_names: Optional[Sequence[str]] = None  # per-band file stems (default: B01, B02, ...)
    skip_valid: bool = True  # leave files that already pass the check untouched
    overwrite: bool = False


@dataclass
class CogifyResult:
    """Outputs written (file stem -> path); ``untouched`` when the source was already BYOC-ready."""

    outputs: Dict[str, str]
    untouched: bool = False
    findings_before: List[cog_rules.Finding] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)


def _check_options(src: str, opts: CogifyOptions) -> None:
    if opts.layout not in (LAYOUT_MULTIBAND, LAYOUT_PER_BAND):
        raise CogifyError("cogify-layout", src=src, layout=opts.layout)
    if opts.compress.upper() not in COMPRESSIONS:
        raise CogifyError("cogify-compression", src=src, compress=opts.compress)
    if opts.resampling.upper() not in RESAMPLINGS:
        raise CogifyError("cogify-resampling", src=src, resampling=opts.resampling)
    if not (256 <= opts.blocksize <= 2048 and opts.blocksize % 16 == 0):
        raise CogifyError("cogify-blocksize", src=src, blocksize=opts.blocksize)
    if opts.output_type is not None and opts.output_type not in cog_rules.SUPPORTED_TYPES:
        raise CogifyError(
            "cogify-output-type", src=src, output_type=opts.output_type, types=", ".join(cog_rules.SUPPORTED_TYPES)
        )
    if opts.output_type == "Int8" and "Int8" not in _GDT:
        raise CogifyError("cogify-int8", src=src)
    if opts.target_epsg is not None and not cog_rules.is_allowed_epsg(opts.target_epsg):
        raise CogifyError("cogify-target-epsg", src=src, epsg=opts.target_epsg)


def _stems(ds: gdal.Dataset, opts: CogifyOptions, src: str) -> List[str]:
    n = ds.RasterCount
    if opts.band_names is not None:
        names = list(opts.band_names)
        if len(names) != n:
            raise CogifyError("cogify-band-names-count", src=src, names=len(names), bands=n)
    else:
        width = 2 if n < 100 else 3
        names = [f"B{i + 1:0{width}d}" for i in range(n)]
    for name in names:
        if not _IDENT.match(name):
            raise CogifyError("cogify-band-name", src=src, name=name)
    if len(set(names)) != len(names):
        raise CogifyError("cogify-band-names-unique", src=src)
    return names


def _target_type(ds: gdal.Dataset, opts: CogifyOptions, src: str) -> Optional[str]:
    """The output data type to convert to, or None to keep the source's."""
    current = cog_rules.data_type_of(ds.GetRasterBand(1))
    if opts.output_type is not None:
        return None if opts.output_type == current else opts.output_type
    if current in cog_rules.SUPPORTED_TYPES:
        return None
    if opts.convert_unsupported and current in AUTO_TYPE:
        return AUTO_TYPE[current]
    raise CogifyError("cogify-sample-type", src=src, current=current, suggested=AUTO_TYPE.get(current, "Float32"))


def _needs_reprojection(ds: gdal.Dataset, opts: CogifyOptions, src: str) -> Optional[int]:
    epsg, srs = cog_rules.epsg_of(ds)
    if srs is None or ds.GetGeoTransform(can_return_null=True) is None:
        raise CogifyError("cogify-no-georef", src=src)
    if opts.target_epsg is not None:
        return None if epsg == opts.target_epsg else int(opts.target_epsg)
    if not cog_rules.is_allowed_epsg(epsg):
        if epsg:
            raise CogifyError("cogify-crs", src=src, epsg=epsg)
        raise CogifyError("cogify-crs-unknown", src=src)
    return None


def _output_paths(src: str, dst: str, stems: List[str], opts: CogifyOptions) -> Dict[str, str]:
    base = os.path.splitext(os.path.basename(src))[0]
    if opts.layout == LAYOUT_PER_BAND:
        folder = dst
        if os.path.splitext(dst)[1].lower() in (".tif", ".tiff"):
            raise CogifyError("cogify-per-band-folder", dst=dst)
        return {stem: os.path.join(folder, f"{stem}.tif") for stem in stems}
    if os.path.splitext(dst)[1].lower() in (".tif", ".tiff"):
        return {os.path.splitext(os.path.basename(dst))[0]: dst}
    return {base: os.path.join(dst, f"{base}.tif")}


def _vrt(
    ds: gdal.Dataset,
    src: str,
    opts: CogifyOptions,
    bands: Optional[List[int]],
    out_type: Optional[str],
    reproject: Optional[int],
    name: str,
) -> gdal.Dataset:
    """A /vsimem/ VRT with the requested band selection, type, no-data and reprojection; colour tables dropped."""
    path = f"/vsimem/cogify_{id(ds)}_{name}.vrt"
    with collect_errors() as errs:
        try:
            if reproject is not None:
                cat = opts.resampling.upper() in ("MODE", "NEAREST")
                alg = opts.warp_resampling or ("near" if cat else "bilinear")
                srs = osr.SpatialReference()
                srs.ImportFromEPSG(reproject)
                tmp = gdal.Translate(
                    path + ".sel.vrt",
                    ds,
                    format="VRT",
                    bandList=bands,
                    noData=opts.nodata if opts.nodata is not None else None,
                )
                vrt = gdal.Warp(
                    path,
                    tmp,
                    format="VRT",
                    dstSRS=srs.ExportToWkt(),
                    resampleAlg=alg,
                    outputType=_GDT[out_type] if out_type else gdal.GDT_Unknown,
                    dstNodata=opts.nodata if opts.nodata is not None else None,
                    multithread=True,
                )
                tmp = None
                gdal.Unlink(path + ".sel.vrt")
            else:
                kw = {}
                if out_type:
                    kw["outputType"] = _GDT[out_type]
                if opts.nodata is not None:
                    kw["noData"] = opts.nodata
                vrt = gdal.Translate(path, ds, format="VRT", bandList=bands, **kw)
        except RuntimeError as exc:
            raise CogifyError("cogify-prepare", src=src, error=str(exc)) from None
    if vrt is None:
        raise CogifyError("cogify-prepare", src=src, error=errs[-1] if errs else gdal.GetLastErrorMsg())
    for i in range(vrt.RasterCount):
        band = vrt.GetRasterBand(i + 1)
        if band.GetColorTable() is not None:
            band.SetColorTable(None)
            band.SetColorInterpretation(gdal.GCI_GrayIndex)
    return vrt


def _cog_options(opts: CogifyOptions) -> List[str]:
    co = [
        f"BLOCKSIZE={opts.blocksize}",
        f"COMPRESS={opts.compress.upper()}",
        f"RESAMPLING={opts.resampling.upper()}",
        "OVERVIEWS=IGNORE_EXISTING",
        "BIGTIFF=IF_SAFER",
        "NUM_THREADS=ALL_CPUS",
    ]
    if opts.level is not None:
        co.append(f"LEVEL={int(opts.level)}")
    if opts.predictor:
        co.append("PREDICTOR=YES")
    return co


def _remove(path: str) -> None:
    folder = os.path.dirname(path) or "."
    base = os.path.basename(path)
    if not os.path.isdir(folder):
        return
    for name in os.listdir(folder):
        if name == base or name.startswith(base + "."):
            try:
                os.remove(os.path.join(folder, name))
            except OSError:
                pass


def _translate(dst: str, vrt: gdal.Dataset, fmt: str, options: List[str], progress: Progress) -> None:
    cb = progress.gdal_callback("writing COG")
    with collect_errors() as errs:
        try:
            out = gdal.Translate(dst, vrt, format=fmt, creationOptions=options, callback=cb)
        except RuntimeError as exc:
            out = None
            errs.append(str(exc))
        if out is not None:
            out.FlushCache()
            out = None
            failed = False
        else:
            failed = True
    if progress.cancelled():
        raise Cancelled()
    if failed or not os.path.exists(dst):
        raise CogifyError("cogify-write", dst=dst, error=errs[-1] if errs else gdal.GetLastErrorMsg())


def _write_planar(dst: str, vrt: gdal.Dataset, opts: CogifyOptions, progress: Progress) -> None:
    """> 10 bands in one file: band-interleaved tiled GTiff with internal overviews in COG order."""
    tmp = dst + ".planar.tif"
    co = [
        "TILED=YES",
        f"BLOCKXSIZE={opts.blocksize}",
        f"BLOCKYSIZE={opts.blocksize}",
        "INTERLEAVE=BAND",
        f"COMPRESS={opts.compress.upper()}",
        "BIGTIFF=IF_SAFER",
    ]
    if opts.level is not None:
        co.append(f"{'ZSTD_LEVEL' if opts.compress.upper() == 'ZSTD' else 'ZLEVEL'}={int(opts.level)}")
    try:
        _translate(tmp, vrt, "GTiff", co, progress.sub(0.0, 0.4))
        ds = gdal.Open(tmp, gdal.GA_Update)
        factors = []
        f = 2
        while max(ds.RasterXSize, ds.RasterYSize) / (f // 2) > opts.blocksize:
            factors.append(f)
            f *= 2
        if factors:
            gdal.SetThreadLocalConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", str(opts.blocksize))
            try:
                ds.BuildOverviews(opts.resampling.upper(), factors, callback=progress.sub(0.4, 0.7).gdal_callback())
            finally:
                gdal.SetThreadLocalConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", None)
        ds = None
        progress.check()
        _translate(dst, gdal.Open(tmp), "GTiff", [*co, "COPY_SRC_OVERVIEWS=YES"], progress.sub(0.7, 1.0))
    finally:
        _remove(tmp)


def cogify(src: str, dst: str, options: Optional[CogifyOptions] = None, progress=None, cancel=None) -> CogifyResult:
    """Convert ``src`` into BYOC-ready COG(s) under ``dst`` (a .tif path, or a folder).

    Multi-band layout writes one file (``dst`` if it ends in .tif, else ``dst/<src name>.tif``); per-band layout
    writes ``dst/<stem>.tif`` per band. A source that already passes the BYOC check and needs no requested change
    is left untouched (``result.untouched``; its path is returned). Raises :class:`CogifyError` for bad input or
    options and :class:`Cancelled` on cancel; partial outputs are removed in both cases.
    """
    opts = options or CogifyOptions()
    prog = Progress.of(progress, cancel)
    _check_options(src, opts)
    try:
        ds = open_raster(src)
    except GdalError as exc:
        raise CogifyError("cogify-open", src=src, error=str(exc)) from None
    stems = _stems(ds, opts, src) if opts.layout == LAYOUT_PER_BAND else []
    out_type = _target_type(ds, opts, src)
    reproject = _needs_reprojection(ds, opts, src)
    nodata_change = opts.nodata is not None and any(
        ds.GetRasterBand(i + 1).GetNoDataValue() != opts.nodata for i in range(ds.RasterCount)
    )
    _, before = cog_rules.inspect_file(src)
    prog(0.02, "checked source")
    split = opts.layout == LAYOUT_PER_BAND and ds.RasterCount > 1
    if (
        opts.skip_valid
        and not any(f.is_error for f in before)
        and out_type is None
        and reproject is None
        and not nodata_change
        and not split
    ):
        stem = stems[0] if stems else os.path.splitext(os.path.basename(src))[0]
        return CogifyResult({stem: src}, untouched=True, findings_before=before)

    outputs = _output_paths(src, dst, stems, opts)
    _prepare_outputs(src, outputs, opts)
    warnings = _source_warnings(ds, src)
    if opts.layout == LAYOUT_PER_BAND:
        jobs: List[Tuple[str, Optional[List[int]]]] = [(outputs[stem], [i + 1]) for i, stem in enumerate(stems)]
    else:
        jobs = [(next(iter(outputs.values())), None)]
    _write_all(ds, src, opts, jobs, out_type, reproject, prog)
    prog(1.0, "COGify done")
    return CogifyResult(outputs, untouched=False, findings_before=before, warnings=warnings)


def _prepare_outputs(src: str, outputs: Dict[str, str], opts: CogifyOptions) -> None:
    """Refuse outputs that exist (unless overwriting) or are the source; create their folders."""
    for path in outputs.values():
        if os.path.exists(path) and not opts.overwrite:
            raise CogifyError("cogify-exists", path=path)
        if os.path.abspath(path) == os.path.abspath(src):
            raise CogifyError("cogify-overwrite-source", path=path)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)


def _source_warnings(ds: gdal.Dataset, src: str) -> List[str]:
    """What the conversion keeps or drops that the user may not expect (alpha band, colour table)."""
    warnings: List[str] = []
    if any(ds.GetRasterBand(i + 1).GetColorInterpretation() == gdal.GCI_AlphaBand for i in range(ds.RasterCount)):
        warnings.append(f"{src}: the alpha band is kept as a band; BYOC does not treat alpha as no-data.")
    if any(ds.GetRasterBand(i + 1).GetColorTable() is not None for i in range(ds.RasterCount)):
        warnings.append(f"{src}: colour table dropped; the index values are kept as grey levels.")
    return warnings


def _write_all(
    ds: gdal.Dataset,
    src: str,
    opts: CogifyOptions,
    jobs: List[Tuple[str, Optional[List[int]]]],
    out_type: Optional[str],
    reproject: Optional[int],
    prog: Progress,
) -> None:
    """Write each (output path, bands) job through a ``.part.tif`` that must pass the BYOC check before it replaces
    the output; on any failure or cancel, every part and every output written so far is removed."""
    done: List[str] = []
    try:
        for n, (path, bands) in enumerate(jobs):
            step = prog.sub(0.02 + 0.93 * n / len(jobs), 0.02 + 0.93 * (n + 1) / len(jobs))
            part = path + ".part.tif"
            vrt = _vrt(ds, src, opts, bands, out_type, reproject, str(n))
            vrt_path = vrt.GetDescription()
            try:
                if vrt.RasterCount > cog_rules.MAX_CHUNKY_BANDS:
                    _write_planar(part, vrt, opts, step)
                else:
                    _translate(part, vrt, "COG", _cog_options(opts), step)
            finally:
                vrt = None
                gdal.Unlink(vrt_path)
            _, found = cog_rules.inspect_file(part)
            errors = [f for f in found if f.is_error]
            if errors:
                raise CogifyError("cogify-still-fails", src=src, finding=errors[0].message)
            os.replace(part, path)
            done.append(path)
    except BaseException:
        for path, _ in jobs:
            _remove(path + ".part.tif")
        for path in done:
            _remove(path)
        raise
