"""Evalscript V3 generation from a collection's bands, with the right ``sampleType`` for their bit depth.

Output formats limit the sample types (JPEG: AUTO/UINT8; PNG: AUTO/UINT8/UINT16; GeoTIFF: all), so every generator
takes ``eight_bit=True`` to scale the bands into 0..1 and output ``AUTO`` (8-bit) instead; ``eight_bit_needed`` says
when a format asks for it, and ``format_issues`` finds what a (user-edited) script's outputs do that a format cannot
hold. ``template_script`` is the one place a named template (true/false colour, normalized difference, one band,
all bands) becomes a script for an output format: the Process dialog, ``processrequest`` and ``batchcreate`` use it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Union

from .models import Band, Collection
from .worded import WordedError

__all__ = [
    "sample_type_for",
    "common_sample_type",
    "single_band",
    "bands_composite",
    "true_color",
    "false_color",
    "normalized_difference",
    "all_bands",
    "REFLECTANCE_SCALE",
    "FORMAT_SAMPLE_TYPES",
    "FORMAT_BAND_COUNTS",
    "display_scale",
    "eight_bit_needed",
    "script_outputs",
    "FormatIssue",
    "format_issues",
    "TEMPLATES",
    "TEMPLATE_BAND_COUNTS",
    "default_bands",
    "template_script",
]

# 16-bit EO data is mostly reflectance x 10000: 0..4000 shows as 0..1 (true colour's usual stretch)
REFLECTANCE_SCALE = 2.5 / 10000

# sample types each output format holds (file extension -> sampleTypes); None = any
FORMAT_SAMPLE_TYPES: Dict[str, Optional[frozenset]] = {
    "tif": None,
    "png": frozenset({"AUTO", "UINT8", "UINT16"}),
    "jpg": frozenset({"AUTO", "UINT8"}),
}
FORMAT_BAND_COUNTS: Dict[str, Optional[frozenset]] = {
    "tif": None,
    "png": frozenset({1, 3, 4}),
    "jpg": frozenset({1, 3}),
}

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
        raise WordedError("script-no-bands")
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


def display_scale(band: Band) -> tuple:
    """``(offset, factor)`` that bring the band's values into 0..1 for 8-bit display: ``(value + offset) * factor``.

    By bit depth: 8-bit bands use their full range (INT8 shifted by 128); 16-bit and 32-bit integer bands the
    reflectance x 10000 convention (0..4000 → 0..1); FLOAT bands are taken as reflectance (0..0.4 → 0..1).
    """
    fmt = (band.sample_format or "UINT").upper()
    depth = int(band.bit_depth or 8)
    if fmt == "FLOAT":
        return 0.0, 2.5
    if depth <= 8:
        return (128.0 if fmt == "INT" else 0.0), 1.0 / 255.0
    return 0.0, REFLECTANCE_SCALE


def eight_bit_needed(sample_type: str, fmt: str) -> bool:
    """True when output format ``fmt`` ("tif", "png", "jpg") cannot hold ``sample_type`` (then use eight_bit)."""
    allowed = FORMAT_SAMPLE_TYPES.get(fmt)
    return allowed is not None and sample_type.upper() not in allowed


_OUTPUT_RE = re.compile(r"output\s*\"?\s*:\s*(\[[^\]]*\]|\{[^}]*\})", re.S)
_OBJECT_RE = re.compile(r"\{[^}]*\}", re.S)
_SAMPLE_TYPE_RE = re.compile(r"sampleType\"?\s*:\s*(?:SampleType\.|[\"'])?\s*([A-Za-z0-9_]+)")
_BANDS_RE = re.compile(r"bands\"?\s*:\s*(\d+)")


def script_outputs(script: str) -> List[tuple]:
    """``[(bands, sampleType)]`` of the outputs a script's ``setup()`` declares, read from its text.

    A best-effort reading of literal values (the usual way scripts are written); a missing ``sampleType`` is
    ``AUTO`` (the service's default), a missing or computed band count is None. Empty when no output is found.
    """
    match = _OUTPUT_RE.search(script or "")
    if not match:
        return []
    out = []
    for obj in _OBJECT_RE.findall(match.group(1)):
        st = _SAMPLE_TYPE_RE.search(obj)
        bands = _BANDS_RE.search(obj)
        out.append((int(bands.group(1)) if bands else None, st.group(1).upper() if st else "AUTO"))
    return out


@dataclass(frozen=True)
class FormatIssue:
    """One thing a script's output does that the format cannot hold: ``kind`` "sampleType" or "bands"."""

    kind: str
    found: str
    accepted: str


def format_issues(script: str, fmt: str) -> List[FormatIssue]:
    """What the script's declared outputs do that output format ``fmt`` ("tif", "png", "jpg") cannot hold."""
    issues: List[FormatIssue] = []
    types, counts = FORMAT_SAMPLE_TYPES.get(fmt), FORMAT_BAND_COUNTS.get(fmt)
    for bands, sample_type in script_outputs(script):
        if types is not None and sample_type not in types:
            issues.append(FormatIssue("sampleType", sample_type, ", ".join(sorted(types))))
        if counts is not None and bands is not None and bands not in counts:
            issues.append(FormatIssue("bands", str(bands), ", ".join(str(c) for c in sorted(counts))))
    return issues


def _resolve(collection: Union[Collection, Dict[str, Band]], names: Sequence[str]) -> List[Band]:
    bands = collection.bands if isinstance(collection, Collection) else collection
    out = []
    for name in names:
        if name not in bands:
            known = ", ".join(sorted(bands)) or "none (the collection has no bands yet: ingest a tile first)"
            raise WordedError("script-unknown-band", name=name, known=known)
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
    eight_bit: bool = False,
) -> str:
    """N bands as they are (sampleType from their bit depth), or ×``scale`` into 0..1 as UINT8 (``AUTO``).

    ``eight_bit`` without ``scale`` brings each band into 0..1 by its bit depth (``display_scale``) and outputs
    ``AUTO``, for formats that hold only 8-bit samples (JPEG). Pixels without data (``dataMask`` 0) get ``nodata``
    (default 0).
    """
    bands = _resolve(collection, names)
    fill = 0 if nodata is None else nodata
    if scale is not None:
        sample_type = "AUTO"
        values = ", ".join(f"{float(scale)!r} * s.{b.name}" for b in bands)
    elif eight_bit:
        sample_type = "AUTO"
        parts = []
        for b in bands:
            offset, factor = display_scale(b)
            term = f"(s.{b.name} + {offset!r})" if offset else f"s.{b.name}"
            parts.append(f"{factor!r} * {term}")
        values = ", ".join(parts)
    else:
        sample_type = common_sample_type(bands)
        values = ", ".join(f"s.{b.name}" for b in bands)
    fills = ", ".join([json.dumps(fill)] * len(bands))
    body = f"  if (s.dataMask === 0) return [{fills}];\n  return [{values}];"
    return _script([b.name for b in bands], len(bands), sample_type, body, nodata)


def single_band(
    collection: Union[Collection, Dict[str, Band]], name: str, nodata: Optional[float] = None, eight_bit: bool = False
) -> str:
    """One band with its own sample type (``eight_bit``: scaled by its bit depth into 8-bit ``AUTO``)."""
    return bands_composite(collection, [name], nodata=nodata, eight_bit=eight_bit)


def all_bands(collection: Collection, nodata: Optional[float] = None, eight_bit: bool = False) -> str:
    """Every band of the collection, in its order, with a common sample type (or 8-bit ``AUTO``)."""
    return bands_composite(collection, list(collection.bands), nodata=nodata, eight_bit=eight_bit)


def true_color(
    collection: Union[Collection, Dict[str, Band]],
    red: str,
    green: str,
    blue: str,
    scale: Optional[float] = None,
    nodata: Optional[float] = None,
    eight_bit: bool = False,
) -> str:
    """Red, green, blue bands (raw values, or ×``scale`` / by bit depth with ``eight_bit`` into 0..1 as 8-bit)."""
    return bands_composite(collection, [red, green, blue], scale=scale, nodata=nodata, eight_bit=eight_bit)


def false_color(
    collection: Union[Collection, Dict[str, Band]],
    nir: str,
    red: str,
    green: str,
    scale: Optional[float] = None,
    nodata: Optional[float] = None,
    eight_bit: bool = False,
) -> str:
    """NIR, red, green as R, G, B (vegetation in red)."""
    return bands_composite(collection, [nir, red, green], scale=scale, nodata=nodata, eight_bit=eight_bit)


def normalized_difference(
    collection: Union[Collection, Dict[str, Band]], a: str, b: str, eight_bit: bool = False
) -> str:
    """``(a - b) / (a + b)`` as FLOAT32; NaN where there is no data or ``a + b`` is 0.

    ``eight_bit``: -1..1 mapped to 0..1 as ``AUTO`` (0 where there is no data), for PNG/JPEG.
    """
    band_a, band_b = _resolve(collection, [a, b])
    diff = f"(s.{band_a.name} - s.{band_b.name}) / sum"
    if eight_bit:
        body = (
            "  if (s.dataMask === 0) return [0];\n"
            f"  var sum = s.{band_a.name} + s.{band_b.name};\n"
            f"  return [sum === 0 ? 0 : ({diff} + 1) / 2];"
        )
        return _script([band_a.name, band_b.name], 1, "AUTO", body, None)
    body = (
        "  if (s.dataMask === 0) return [NaN];\n"
        f"  var sum = s.{band_a.name} + s.{band_b.name};\n"
        f"  return [sum === 0 ? NaN : {diff}];"
    )
    return _script([band_a.name, band_b.name], 1, "FLOAT32", body, None)


# -- named templates ------------------------------------------------------------------------------------------------
#: template keys, in the order the dialog and the Processing PRESET enum (after "custom") list them
TEMPLATES = ("true", "false", "ndi", "single", "all")
#: how many band names each template takes (0: every band of the collection)
TEMPLATE_BAND_COUNTS = {"true": 3, "false": 3, "ndi": 2, "single": 1, "all": 0}
_PREFERRED_BANDS = {"true": ["B04", "B03", "B02"], "false": ["B08", "B04", "B03"], "ndi": ["B08", "B04"]}


def default_bands(names: Sequence[str], template: str) -> List[str]:
    """Sensible band choices for a template (Sentinel-2-like names first, else the first bands)."""
    names = list(names)
    wanted = _PREFERRED_BANDS.get(template, names[:1] if template == "single" else [])
    if all(w in names for w in wanted):
        return list(wanted)
    need = TEMPLATE_BAND_COUNTS[template]
    return (names * need)[:need] if names else []


def template_script(
    collection: Collection,
    template: str,
    bands: Sequence[str],
    fmt: str = "tif",
    scale: Optional[float] = REFLECTANCE_SCALE,
) -> str:
    """The evalscript of a named template (:data:`TEMPLATES`) over ``bands`` that output format ``fmt`` holds.

    Colour composites multiply by ``scale`` into 0..1 (8-bit ``AUTO``; ``scale`` None: raw values). When the format
    cannot hold the template's own sample type (JPEG: 16-bit or float; PNG: float or signed), the 8-bit variant is
    generated (bands scaled by their bit depth into 0..1, ``AUTO``). Raises ``ValueError`` for an unknown template,
    a wrong number of bands or a band the collection does not have.
    """
    if template not in TEMPLATE_BAND_COUNTS:
        raise WordedError("script-unknown-template", template=template, known=", ".join(TEMPLATES))
    need = TEMPLATE_BAND_COUNTS[template]
    if need and len(bands) != need:
        raise WordedError(
            "script-band-count",
            template=template,
            need=need,
            count=len(bands),
            known=", ".join(collection.bands) or "no bands yet",
        )
    script = _template(collection, template, list(bands), False, scale)
    if any(eight_bit_needed(t, fmt) for _n, t in script_outputs(script)):
        script = _template(collection, template, list(bands), True, scale)
    return script


def _template(collection: Collection, template: str, bands: List[str], eight_bit: bool, scale) -> str:
    if template == "true":
        return true_color(collection, *bands, scale=scale, eight_bit=eight_bit)
    if template == "false":
        return false_color(collection, *bands, scale=scale, eight_bit=eight_bit)
    if template == "ndi":
        return normalized_difference(collection, *bands, eight_bit=eight_bit)
    if template == "single":
        return single_band(collection, bands[0], eight_bit=eight_bit)
    return all_bands(collection, eight_bit=eight_bit)
