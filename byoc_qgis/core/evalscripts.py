"""Evalscript V3 generation from a collection's bands, with the right ``sampleType`` for their bit depth."""

from __future__ import annotations

import json
from typing import Dict, Iterable, List, Optional, Sequence, Union

from .models import Band, Collection

__all__ = [
    "sample_type_for",
    "common_sample_type",
    "single_band",
    "bands_composite",
    "true_color",
    "false_color",
    "normalized_difference",
    "all_bands",
]

_SAMPLE_TYPES = {
    ("UINT", 8): "UINT8",
    ("INT", 8): "INT8",
    ("UINT", 16): "UINT16",
    ("INT", 16): "INT16",
}


def sample_type_for(band: Band) -> str:
    """Output ``sampleType`` that holds the band's values unchanged (32-bit and FLOAT bands → FLOAT32)."""
    fmt = (band.sample_format or "UINT").upper()
    depth = int(band.bit_depth or 8)
    return _SAMPLE_TYPES.get((fmt, depth), "FLOAT32")


def common_sample_type(bands: Iterable[Band]) -> str:
    """One ``sampleType`` for several bands: the same type if all agree, else the narrowest that holds all."""
    types = {sample_type_for(b) for b in bands}
    if not types:
        raise ValueError("no bands given")
    if len(types) == 1:
        return types.pop()
    if "FLOAT32" in types:
        return "FLOAT32"
    signed = any(t.startswith("INT") for t in types)
    unsigned = {t for t in types if t.startswith("UINT")}
    if not signed:
        return "UINT16"
    if not unsigned or unsigned == {"UINT8"}:
        return "INT16"
    return "FLOAT32"  # UINT16 together with signed bands


def _resolve(collection: Union[Collection, Dict[str, Band]], names: Sequence[str]) -> List[Band]:
    bands = collection.bands if isinstance(collection, Collection) else collection
    out = []
    for name in names:
        if name not in bands:
            known = ", ".join(sorted(bands)) or "none (the collection has no bands yet: ingest a tile first)"
            raise ValueError(f"band {name!r} is not in the collection; its bands are: {known}")
        out.append(bands[name])
    return out


def _script(inputs: List[str], n_out: int, sample_type: str, body: str, nodata: Optional[float]) -> str:
    output = {"bands": n_out, "sampleType": sample_type}
    if nodata is not None:
        output["nodataValue"] = nodata
    setup = json.dumps({"input": [{"bands": inputs + ["dataMask"]}], "output": output})
    return f"//VERSION=3\nfunction setup() {{\n  return {setup};\n}}\n\nfunction evaluatePixel(s) {{\n{body}\n}}\n"


def bands_composite(
    collection: Union[Collection, Dict[str, Band]],
    names: Sequence[str],
    scale: Optional[float] = None,
    nodata: Optional[float] = None,
) -> str:
    """N bands as they are (sampleType from their bit depth), or ×``scale`` into 0..1 as UINT8 (``AUTO``).

    Pixels without data (``dataMask`` 0) get ``nodata`` (default 0).
    """
    bands = _resolve(collection, names)
    fill = 0 if nodata is None else nodata
    if scale is None:
        sample_type = common_sample_type(bands)
        values = ", ".join(f"s.{b.name}" for b in bands)
    else:
        sample_type = "AUTO"
        values = ", ".join(f"{float(scale)!r} * s.{b.name}" for b in bands)
    fills = ", ".join([json.dumps(fill)] * len(bands))
    body = f"  if (s.dataMask === 0) return [{fills}];\n  return [{values}];"
    return _script([b.name for b in bands], len(bands), sample_type, body, nodata)


def single_band(collection: Union[Collection, Dict[str, Band]], name: str, nodata: Optional[float] = None) -> str:
    """One band with its own sample type."""
    return bands_composite(collection, [name], nodata=nodata)


def all_bands(collection: Collection, nodata: Optional[float] = None) -> str:
    """Every band of the collection, in its order, with a common sample type."""
    return bands_composite(collection, list(collection.bands), nodata=nodata)


def true_color(
    collection: Union[Collection, Dict[str, Band]],
    red: str,
    green: str,
    blue: str,
    scale: Optional[float] = None,
    nodata: Optional[float] = None,
) -> str:
    """Red, green, blue bands (raw values, or ×``scale`` into 0..1 as 8-bit)."""
    return bands_composite(collection, [red, green, blue], scale=scale, nodata=nodata)


def false_color(
    collection: Union[Collection, Dict[str, Band]],
    nir: str,
    red: str,
    green: str,
    scale: Optional[float] = None,
    nodata: Optional[float] = None,
) -> str:
    """NIR, red, green as R, G, B (vegetation in red)."""
    return bands_composite(collection, [nir, red, green], scale=scale, nodata=nodata)


def normalized_difference(collection: Union[Collection, Dict[str, Band]], a: str, b: str) -> str:
    """``(a - b) / (a + b)`` as FLOAT32; NaN where there is no data or ``a + b`` is 0."""
    band_a, band_b = _resolve(collection, [a, b])
    body = (
        "  if (s.dataMask === 0) return [NaN];\n"
        f"  var sum = s.{band_a.name} + s.{band_b.name};\n"
        f"  return [sum === 0 ? NaN : (s.{band_a.name} - s.{band_b.name}) / sum];"
    )
    return _script([band_a.name, band_b.name], 1, "FLOAT32", body, None)
