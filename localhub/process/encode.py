"""Output encoding: sampleType rules, then GeoTIFF, PNG, JPEG, JSON, and tar / multipart packaging."""

from __future__ import annotations

import io
import json
import tarfile
import time
import uuid
from typing import List, Optional, Sequence, Tuple

import numpy as np
from osgeo import gdal

from .crs import spatial_ref
from .errors import bad_payload

_RANGES = {"UINT8": (0, 255), "INT8": (-128, 127), "UINT16": (0, 65535), "INT16": (-32768, 32767)}
_NUMPY = {"AUTO": np.uint8, "UINT8": np.uint8, "INT8": np.int8, "UINT16": np.uint16, "INT16": np.int16}
_HAS_INT8 = hasattr(gdal, "GDT_Int8")


def apply_sample_type(values: np.ndarray, sample_type: str) -> np.ndarray:
    """Convert evaluatePixel's float values to the output's sampleType (byoc-api.md §9).

    AUTO: 0..1 scaled to 0..255, rounded and clamped (UINT8). Integer types: rounded to nearest (halves up, like
    JS ``Math.round``) and clamped to the type range (40.6 → 41, 310 → 255 for UINT8). FLOAT32: unchanged.
    NaN becomes the type's lowest value (0 for unsigned types). A few in-place passes, no temporaries per pass.
    """
    if sample_type == "FLOAT32":
        return values.astype(np.float32, copy=False)
    low, high = _RANGES.get(sample_type, (0, 255))
    work = np.empty(values.shape, np.float32)
    if sample_type == "AUTO":
        np.multiply(values, np.float32(255.0), out=work)
        np.add(work, np.float32(0.5), out=work)
    else:
        np.add(values, np.float32(0.5), out=work)
    np.fmax(work, np.float32(low), out=work)  # fmax also turns NaN into ``low``
    np.fmin(work, np.float32(high), out=work)
    if low < 0:
        np.floor(work, out=work)  # for values >= 0 the cast below truncates, which is floor already
    return work.astype(_NUMPY[sample_type])


def gdal_type(array: np.ndarray) -> Tuple[int, List[str]]:
    """GDAL data type of ``array``'s sample type and the creation options it needs (signed bytes before GDAL 3.7)."""
    kind = array.dtype
    if kind == np.uint8:
        return gdal.GDT_Byte, []
    if kind == np.int8:
        return (gdal.GDT_Int8, []) if _HAS_INT8 else (gdal.GDT_Byte, ["PIXELTYPE=SIGNEDBYTE"])
    if kind == np.uint16:
        return gdal.GDT_UInt16, []
    if kind == np.int16:
        return gdal.GDT_Int16, []
    return gdal.GDT_Float32, []


def _read_vsimem(path: str) -> bytes:
    handle = gdal.VSIFOpenL(path, "rb")
    try:
        gdal.VSIFSeekL(handle, 0, 2)
        size = gdal.VSIFTellL(handle)
        gdal.VSIFSeekL(handle, 0, 0)
        return bytes(gdal.VSIFReadL(1, size, handle))
    finally:
        gdal.VSIFCloseL(handle)
        gdal.Unlink(path)


def write_georeferenced(
    ds: gdal.Dataset, array: np.ndarray, geotransform: Sequence[float], epsg: int, nodata: Optional[float]
) -> None:
    """Write ``array`` (bands × height × width) into ``ds`` with its geotransform, CRS and no-data value."""
    ds.SetGeoTransform(tuple(geotransform))
    ds.SetProjection(spatial_ref(epsg).ExportToWkt())
    for b in range(array.shape[0]):
        band = ds.GetRasterBand(b + 1)
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
        band.WriteArray(array[b])


def encode_tiff(
    array: np.ndarray, geotransform: Sequence[float], epsg: int, nodata: Optional[float] = None, compress: bool = True
) -> bytes:
    """GeoTIFF (Deflate unless ``compress`` is False, pixel-interleaved strips) with georeferencing and GDAL_NODATA
    when ``nodata`` is set.

    ``array`` is ``(bands, height, width)`` already in the output sample type.
    """
    bands, height, width = array.shape
    dtype, extra = gdal_type(array)
    path = f"/vsimem/localhub-process-{uuid.uuid4().hex}.tif"
    options = ["COMPRESS=DEFLATE", "ZLEVEL=1", "INTERLEAVE=PIXEL", *extra] if compress else ["INTERLEAVE=PIXEL", *extra]
    if compress and array.dtype == np.float32:
        options.append("PREDICTOR=1")
    ds = gdal.GetDriverByName("GTiff").Create(path, width, height, max(1, bands), dtype, options)
    try:
        write_georeferenced(ds, array, geotransform, epsg, nodata)
    finally:
        ds = None
    return _read_vsimem(path)


def _copy_through_mem(array: np.ndarray, driver: str, options: List[str], ext: str) -> bytes:
    bands, height, width = array.shape
    dtype, _ = gdal_type(array)
    mem = gdal.GetDriverByName("MEM").Create("", width, height, bands, dtype)
    for b in range(bands):
        mem.GetRasterBand(b + 1).WriteArray(array[b])
    path = f"/vsimem/localhub-process-{uuid.uuid4().hex}.{ext}"
    out = gdal.GetDriverByName(driver).CreateCopy(path, mem, 0, options)
    if out is None:
        raise RuntimeError(f"GDAL {driver} encoding failed: {gdal.GetLastErrorMsg()}")
    out.FlushCache()
    del out, mem
    if gdal.VSIStatL(path + ".aux.xml") is not None:
        gdal.Unlink(path + ".aux.xml")
    return _read_vsimem(path)


def encode_png(array: np.ndarray, identifier: str) -> bytes:
    """PNG of 1 (grey), 3 (RGB) or 4 (RGBA) bands, 8-bit (AUTO/UINT8) or 16-bit (UINT16)."""
    if array.shape[0] not in (1, 3, 4):
        raise bad_payload(
            f"Output {identifier} has {array.shape[0]} bands; PNG takes 1, 3 or 4. Change the output's bands "
            "or request image/tiff.",
            "output->responses->format->type",
            "PNG needs 1, 3 or 4 bands",
        )
    if array.dtype not in (np.uint8, np.uint16):
        raise bad_payload(
            f"Output {identifier} is {array.dtype.name}; PNG takes AUTO, UINT8 or UINT16 samples. Change the "
            "output's sampleType or request image/tiff.",
            "output->responses->format->type",
            "PNG needs AUTO, UINT8 or UINT16",
        )
    return _copy_through_mem(array, "PNG", ["ZLEVEL=1"], "png")


def encode_jpeg(array: np.ndarray, identifier: str, quality: int = 90) -> bytes:
    """Baseline JPEG of 1 or 3 bands, 8-bit samples only (AUTO/UINT8)."""
    if array.shape[0] not in (1, 3):
        raise bad_payload(
            f"Output {identifier} has {array.shape[0]} bands; JPEG takes 1 or 3. Change the output's bands or "
            "request image/png or image/tiff.",
            "output->responses->format->type",
            "JPEG needs 1 or 3 bands",
        )
    if array.dtype != np.uint8:
        raise bad_payload(
            f"Output {identifier} is {array.dtype.name}; JPEG takes AUTO or UINT8 samples. Change the output's "
            "sampleType or request image/tiff.",
            "output->responses->format->type",
            "JPEG needs AUTO or UINT8",
        )
    return _copy_through_mem(array, "JPEG", [f"QUALITY={int(quality)}"], "jpg")


def encode_json(value: object) -> bytes:
    """``userdata.json``: what the script put in ``outputMetadata.userData`` (``{}`` when nothing)."""
    return json.dumps({} if value is None else value, separators=(",", ":")).encode("utf-8")


def pack_tar(members: Sequence[Tuple[str, bytes]]) -> bytes:
    """Flat tar with one member per response, ``<identifier>.<ext>`` (byoc-api.md §8)."""
    buffer = io.BytesIO()
    now = time.time()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = now
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def pack_multipart(members: Sequence[Tuple[str, str, bytes]]) -> Tuple[bytes, str]:
    """``multipart/mixed`` body and its Content-Type; members are ``(identifier.ext, content type, bytes)``."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, content_type, data in members:
        identifier = name.rsplit(".", 1)[0]
        head = (
            f"--{boundary}\r\nContent-Type: {content_type}\r\n"
            f'Content-Disposition: form-data; name="{identifier}"; filename="{name}"\r\n\r\n'
        )
        parts.append(head.encode("ascii") + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode("ascii")
    return body, f"multipart/mixed; boundary={boundary}"
