"""Synthetic rasters for COG checks, COGify, tracing and ingestion tests (real GDAL files, small and quick).

Plain functions (``make_*``) write one file and return its path, so localhub tests, the demo and benchmarks can
reuse them; ``raster_factory`` is a pytest fixture bound to a temp folder. ``s2_sized_cog`` is the one big raster
(10980 x 10980 UInt16, Sentinel-2 tile size), built block-wise once per session.

Valid-data shapes come from :func:`valid_mask`: "full", "collar" (wavy swath edge: no-data collar on the left),
"hole" (collar plus a no-data hole), "islands" (collar plus small valid islands in the collar), "s2" (all three).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Dict, Optional, Sequence

import numpy as np
import pytest
from osgeo import gdal, osr

UTM_EPSG = 32633
UTM_ORIGIN = (399960.0, 5000040.0)  # a Sentinel-2 tile corner in 33N
WGS84_ORIGIN = (14.0, 46.0)

GDT = {
    "Byte": gdal.GDT_Byte,
    "UInt16": gdal.GDT_UInt16,
    "Int16": gdal.GDT_Int16,
    "UInt32": gdal.GDT_UInt32,
    "Int32": gdal.GDT_Int32,
    "Float32": gdal.GDT_Float32,
    "Float64": gdal.GDT_Float64,
}


# ----------------------------------------------------------------------------------------------------------------
# valid-data shapes (functions of full-resolution pixel coordinates so big rasters can be built block by block)


def valid_window(kind: str, width: int, height: int, x0: int, y0: int, w: int, h: int) -> np.ndarray:
    """Boolean validity of the window (x0, y0, w, h) of a width x height raster for shape ``kind``."""
    yy, xx = np.mgrid[y0 : y0 + h, x0 : x0 + w].astype(np.float64)
    u = xx / width
    v = yy / height
    if kind == "full":
        return np.ones((h, w), bool)
    # wavy swath edge: left part is no-data, the boundary runs diagonally with a wave
    edge = 0.18 + 0.12 * v + 0.03 * np.sin(v * 9.0)
    valid = u > edge
    if kind in ("hole", "s2"):
        valid &= (u - 0.6) ** 2 + (v - 0.45) ** 2 > 0.06**2
    if kind in ("islands", "s2"):
        valid |= (u - 0.06) ** 2 + (v - 0.8) ** 2 < 0.025**2
        valid |= (u - 0.08) ** 2 + (v - 0.25) ** 2 < 0.012**2
    if kind == "bottom-collar":
        valid = v < 0.85 - 0.05 * np.sin(u * 7.0)
    return valid


def valid_mask(kind: str, width: int, height: int) -> np.ndarray:
    """Boolean validity of a whole (small) raster."""
    return valid_window(kind, width, height, 0, 0, width, height)


def data_window(width: int, height: int, x0: int, y0: int, w: int, h: int, dtype=np.uint16) -> np.ndarray:
    """Deterministic smooth-ish data values (never 0) for the window."""
    yy, xx = np.mgrid[y0 : y0 + h, x0 : x0 + w]
    values = 1 + ((xx * 7 + yy * 13) % 251) + ((xx // 64 + yy // 64) % 7) * 100
    return values.astype(dtype)


# ----------------------------------------------------------------------------------------------------------------
# writers


def geotransform(epsg: int, pixel: Optional[float] = None, origin: Optional[Sequence[float]] = None) -> tuple:
    """North-up geotransform for a test raster in ``epsg`` (UTM: 10 m pixels, 4326: 0.0001 deg)."""
    if epsg == 4326:
        px = pixel or 0.0001
        ox, oy = origin or WGS84_ORIGIN
    else:
        px = pixel or 10.0
        ox, oy = origin or UTM_ORIGIN
    return (ox, px, 0.0, oy, 0.0, -px)


def mem_dataset(
    arrays: Sequence[np.ndarray],
    epsg: Optional[int] = UTM_EPSG,
    gt: Optional[tuple] = None,
    nodata: Optional[float] = None,
    dtype: str = "UInt16",
) -> gdal.Dataset:
    """An in-memory dataset from 2-D arrays (one per band)."""
    h, w = arrays[0].shape
    ds = gdal.GetDriverByName("MEM").Create("", w, h, len(arrays), GDT[dtype])
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
        ds.SetGeoTransform(gt or geotransform(epsg))
    for i, a in enumerate(arrays):
        band = ds.GetRasterBand(i + 1)
        band.WriteArray(a)
        if nodata is not None:
            band.SetNoDataValue(nodata)
    return ds


def shaped_arrays(
    kind: str, width: int, height: int, bands: int = 1, dtype: str = "UInt16", nodata: Optional[float] = 0
) -> list:
    """Band arrays with ``nodata`` (NaN for floats when nodata is nan) outside the shape ``kind``."""
    valid = valid_mask(kind, width, height)
    out = []
    np_type = gdal.GetDataTypeName(GDT[dtype])
    np_dtype = {
        "Byte": np.uint8,
        "UInt16": np.uint16,
        "Int16": np.int16,
        "UInt32": np.uint32,
        "Int32": np.int32,
        "Float32": np.float32,
        "Float64": np.float64,
    }[np_type]
    for b in range(bands):
        a = data_window(width, height, 0, 0, width, height).astype(np_dtype) + np_dtype(b)
        if np_dtype == np.uint8:
            a = (a % 250 + 1).astype(np.uint8)
        if nodata is not None:
            a = a.copy()
            a[~valid] = nodata
        out.append(a)
    return out


def write_cog(
    path,
    src: gdal.Dataset,
    blocksize: int = 1024,
    compress: str = "DEFLATE",
    resampling: str = "AVERAGE",
    extra: Sequence[str] = (),
) -> str:
    """Write ``src`` as a COG (GDAL COG driver) with explicit block size, compression and overview resampling."""
    opts = [
        f"BLOCKSIZE={blocksize}",
        f"COMPRESS={compress}",
        f"RESAMPLING={resampling}",
        "OVERVIEWS=IGNORE_EXISTING",
        *extra,
    ]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    out = gdal.Translate(str(path), src, format="COG", creationOptions=opts)
    assert out is not None, gdal.GetLastErrorMsg()
    out = None
    return str(path)


def write_gtiff(
    path,
    src: gdal.Dataset,
    options: Sequence[str] = ("TILED=YES", "COMPRESS=DEFLATE"),
    overviews: Sequence[int] = (),
    ovr_blocksize: Optional[int] = None,
    resampling: str = "AVERAGE",
) -> str:
    """Write ``src`` as a plain GeoTIFF, then optionally add internal overviews (gdaladdo-style, NOT a COG)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    out = gdal.Translate(str(path), src, format="GTiff", creationOptions=list(options))
    assert out is not None, gdal.GetLastErrorMsg()
    if overviews:
        if ovr_blocksize:
            gdal.SetConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", str(ovr_blocksize))
        try:
            out.BuildOverviews(resampling, list(overviews))
        finally:
            gdal.SetConfigOption("GDAL_TIFF_OVR_BLOCKSIZE", None)
    out = None
    return str(path)


# ----------------------------------------------------------------------------------------------------------------
# named rasters: each returns the path it wrote. Expected pre-flight findings are documented per function.


def make_cog(
    path,
    kind: str = "collar",
    size=(600, 500),
    bands: int = 1,
    dtype: str = "UInt16",
    nodata: Optional[float] = 0,
    epsg: Optional[int] = UTM_EPSG,
    blocksize: int = 256,
    compress: str = "DEFLATE",
    resampling: str = "AVERAGE",
    pixel: Optional[float] = None,
) -> str:
    """A BYOC-valid COG (no findings) unless the arguments ask otherwise. Small: 256-px tiles, one overview."""
    w, h = size
    arrays = shaped_arrays(kind, w, h, bands, dtype, nodata)
    src = mem_dataset(arrays, epsg, geotransform(epsg, pixel) if epsg else None, nodata, dtype)
    return write_cog(path, src, blocksize=blocksize, compress=compress, resampling=resampling)


def make_utm_cog(path, **kw) -> str:
    """UTM 33N UInt16 COG with a no-data collar: valid."""
    return make_cog(path, epsg=UTM_EPSG, **kw)


def make_wgs84_cog(path, **kw) -> str:
    """EPSG:4326 UInt16 COG: valid."""
    return make_cog(path, epsg=4326, **kw)


def make_nan_float(path, kind: str = "hole", size=(600, 500)) -> str:
    """Float32 COG with NaN outside the data and no nodata tag: valid (NaN is always no-data)."""
    w, h = size
    arrays = shaped_arrays(kind, w, h, 1, "Float32", nodata=float("nan"))
    src = mem_dataset(arrays, UTM_EPSG, None, None, "Float32")
    return write_cog(path, src, blocksize=256)


def make_alpha(path, kind: str = "collar", size=(600, 500)) -> str:
    """RGBA Byte COG whose alpha is 0 outside the data: warning "nodata" (alpha is not no-data for BYOC)."""
    w, h = size
    arrays = shaped_arrays(kind, w, h, 3, "Byte", nodata=0)
    alpha = (valid_mask(kind, w, h) * 255).astype(np.uint8)
    src = mem_dataset([*arrays, alpha], UTM_EPSG, None, None, "Byte")
    src.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    return write_cog(path, src, blocksize=256)


def make_internal_mask(path, kind: str = "hole", size=(600, 500)) -> str:
    """UInt16 COG without nodata value but with an internal mask (0 outside the data): warning "nodata"."""
    w, h = size
    src = mem_dataset(shaped_arrays(kind, w, h, nodata=None), UTM_EPSG, None, None)
    src.CreateMaskBand(gdal.GMF_PER_DATASET)
    src.GetRasterBand(1).GetMaskBand().WriteArray(valid_mask(kind, w, h).astype(np.uint8) * 255)
    return write_cog(path, src, blocksize=256)


def make_palette(path, size=(600, 500)) -> str:
    """Byte GeoTIFF with a colour table (tiled 256, internal overviews, not COG-ordered): error "photometric"."""
    w, h = size
    arrays = shaped_arrays("collar", w, h, 1, "Byte", nodata=0)
    src = mem_dataset(arrays, UTM_EPSG, None, 0, "Byte")
    ct = gdal.ColorTable()
    for i in range(256):
        ct.SetColorEntry(i, (i, 255 - i, (i * 3) % 256, 255))
    src.GetRasterBand(1).SetColorTable(ct)
    return write_cog(path, src, blocksize=256, resampling="NEAREST")


def make_jpeg(path, size=(600, 500)) -> str:
    """3-band Byte COG with JPEG compression (YCbCr): errors "compression" and "photometric"."""
    w, h = size
    arrays = shaped_arrays("full", w, h, 3, "Byte", nodata=None)
    src = mem_dataset(arrays, UTM_EPSG, None, None, "Byte")
    return write_cog(path, src, blocksize=256, compress="JPEG")


def make_small_tiles(path, size=(1200, 1000)) -> str:
    """COG with 128-px internal tiles at every level: error "block-size" at image index 0 and 1..."""
    return make_cog(path, size=size, blocksize=128)


def make_overview_128(path, size=(1500, 1200)) -> str:
    """Tiled-1024 GeoTIFF whose gdaladdo overviews are tiled 128 px: error "block-size" at image index 1."""
    w, h = size
    src = mem_dataset(shaped_arrays("collar", w, h), UTM_EPSG, None, 0)
    return write_gtiff(
        path,
        src,
        ("TILED=YES", "BLOCKXSIZE=1024", "BLOCKYSIZE=1024", "COMPRESS=DEFLATE"),
        overviews=(2, 4),
        ovr_blocksize=128,
    )


def make_big_header(path, size=(100000, 100000)) -> str:
    """Sparse tiled-256 GeoTIFF of 100000² px: a 1.2 MB tile index (> BYOC's 1 MB header) in a 1.2 MB file."""
    path = str(path)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    ds = gdal.GetDriverByName("GTiff").Create(
        path,
        size[0],
        size[1],
        1,
        gdal.GDT_Byte,
        ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE", "BIGTIFF=NO"],
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(UTM_EPSG)
    ds.SetProjection(srs.ExportToWkt())
    ds.SetGeoTransform((500000.0, 10.0, 0.0, 5000000.0, 0.0, -10.0))
    ds = None
    return path


def make_no_overviews(path, size=(2100, 1300)) -> str:
    """Tiled-512 GeoTIFF, 2100 px wide, without overviews: error "overviews"."""
    w, h = size
    src = mem_dataset(shaped_arrays("collar", w, h), UTM_EPSG, None, 0)
    return write_gtiff(path, src, ("TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE"))


def make_striped(path, size=(800, 600)) -> str:
    """Striped (untiled) GeoTIFF: errors "tiled"/"block-size"."""
    w, h = size
    src = mem_dataset(shaped_arrays("collar", w, h), UTM_EPSG, None, 0)
    return write_gtiff(path, src, ("COMPRESS=DEFLATE",))


def make_chunky(path, bands: int = 11, size=(300, 300)) -> str:
    """Pixel-interleaved COG with ``bands`` (default 11 > 10) bands: error "chunky-bands"."""
    return make_cog(path, size=size, bands=bands, kind="full")


def make_bad_crs(path, epsg: int = 2056, origin=(2600000.0, 1200000.0)) -> str:
    """COG in a CRS BYOC does not accept (Swiss LV95 near Bern by default): error "crs"."""
    arrays = shaped_arrays("collar", 600, 500)
    src = mem_dataset(arrays, epsg, geotransform(epsg, 10.0, origin), 0)
    return write_cog(path, src, blocksize=256)


def make_data_type(path, dtype: str = "Float64") -> str:
    """COG of an unsupported sample type (Float64, Int32, UInt32): error "data-type"."""
    return make_cog(path, dtype=dtype, kind="full")


def make_ungeoreferenced(path, size=(300, 300)) -> str:
    """COG without geotransform and CRS: error "georeferencing"."""
    return make_cog(path, size=size, epsg=None, kind="full")


def make_tile(folder, stems: Sequence[str] = ("B02", "B03"), ext: str = ".tif", **kw) -> Dict[str, str]:
    """A tile: one valid single-band COG per stem, all on the same grid. Returns {stem: path}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return {s: make_cog(folder / f"{s}{ext}", **kw) for s in stems}


def make_disagreeing_tile(folder) -> Dict[str, str]:
    """A tile whose band files disagree: B02 UInt16, B03 Float32 (sample format), B04.TIF (extension) shifted by
    50 pixels (bounds). Findings: "extension", "bounds"; against UInt16 collection bands: "bit-depth",
    "sample-format" for B03."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {"B02": make_cog(folder / "B02.tif"), "B03": make_cog(folder / "B03.tif", dtype="Float32")}
    w, h = 600, 500
    gt = geotransform(UTM_EPSG)
    shifted = (gt[0] + 50 * gt[1], gt[1], 0.0, gt[3], 0.0, gt[5])
    src = mem_dataset(shaped_arrays("collar", w, h), UTM_EPSG, shifted, 0)
    files["B04"] = write_cog(folder / "B04.TIF", src, blocksize=256)
    return files


# ----------------------------------------------------------------------------------------------------------------
# the big one


S2_SIZE = 10980


def build_s2_sized_cog(path, size: int = S2_SIZE, kind: str = "s2", chunk: int = 1024) -> str:
    """10980 x 10980 UInt16 COG (EPSG:32633, nodata 0, wavy collar, hole, islands), AVERAGE overviews.

    Written block-wise to a temporary tiled GeoTIFF, then converted by the COG driver (never one giant array).
    """
    path = str(path)
    tmp = path + ".tmp.tif"
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(
        tmp,
        size,
        size,
        1,
        gdal.GDT_UInt16,
        ["TILED=YES", "BLOCKXSIZE=1024", "BLOCKYSIZE=1024", "COMPRESS=ZSTD", "ZSTD_LEVEL=1"],
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(UTM_EPSG)
    ds.SetProjection(srs.ExportToWkt())
    ds.SetGeoTransform(geotransform(UTM_EPSG))
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(0)
    for y0 in range(0, size, chunk):
        h = min(chunk, size - y0)
        valid = valid_window(kind, size, size, 0, y0, size, h)
        data = data_window(size, size, 0, y0, size, h)
        data[~valid] = 0
        band.WriteArray(data, 0, y0)
    ds = None
    try:
        out = gdal.Translate(
            path,
            tmp,
            format="COG",
            creationOptions=[
                "BLOCKSIZE=1024",
                "COMPRESS=DEFLATE",
                "LEVEL=1",
                "RESAMPLING=AVERAGE",
                "OVERVIEWS=IGNORE_EXISTING",
                "NUM_THREADS=ALL_CPUS",
            ],
        )
        assert out is not None, gdal.GetLastErrorMsg()
        out = None
    finally:
        gdal.Unlink(tmp)
    return path


@pytest.fixture(scope="session")
def s2_sized_cog(tmp_path_factory) -> str:
    """Path of the 10980² synthetic Sentinel-2-sized COG (built once per session, ~10-30 s). With ``BYOC_S2_COG``
    (``make test`` sets it) it is built once there and reused by the next lane and run; the file name carries a
    hash of the code that builds it, so a changed builder never reuses an old file."""
    cache = os.environ.get("BYOC_S2_COG")
    if not cache:
        return build_s2_sized_cog(tmp_path_factory.mktemp("s2") / "s2_sized.tif")
    import hashlib
    import inspect

    code = "".join(inspect.getsource(f) for f in (build_s2_sized_cog, valid_window, data_window, geotransform))
    stem, ext = os.path.splitext(cache)
    path = Path(f"{stem}-{hashlib.sha256(code.encode()).hexdigest()[:12]}{ext or '.tif'}")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        built = build_s2_sized_cog(tmp_path_factory.mktemp("s2") / "s2_sized.tif")
        shutil.copyfile(built, f"{path}.part-{os.getpid()}")
        os.replace(f"{path}.part-{os.getpid()}", path)  # another run never sees half a file
    return str(path)


class RasterFactory:
    """``raster_factory.make("utm_cog", name=...)`` writes the named raster into the test's temp folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._n = 0

    def path(self, name: str) -> Path:
        self._n += 1
        return self.folder / name

    def __getattr__(self, name: str):
        fn = globals().get(f"make_{name}")
        if fn is None:
            raise AttributeError(name)

        def call(filename: Optional[str] = None, **kw):
            target = self.folder / (filename or f"{name}.tif")
            if name in ("tile", "disagreeing_tile"):
                return fn(self.folder / (filename or name), **kw)
            return fn(target, **kw)

        return call


@pytest.fixture
def raster_factory(tmp_path) -> RasterFactory:
    """Makes named synthetic rasters in the test's temp folder: ``raster_factory.utm_cog()``, ``.jpeg()``..."""
    return RasterFactory(tmp_path)
