"""What a Process result is called and which of its pixels are no-data, read from the evalscript that was sent.

* :func:`comment_title`: a custom script's own title, its first comment (``// NDVI of the fields`` after
  ``//VERSION=3``, or the first line of a ``/* ... */`` block), so a result is named after what was asked.
* :func:`unique_name`: ``name``, ``name (2)``, ``name (3)``, … against the names already taken.
* :func:`datamask_fill` / :func:`datamask_alpha_band`: what the script returns where ``dataMask`` is 0, either a
  constant fill (``if (s.dataMask === 0) return [0, 0, 0];``: those values mark no-data) or ``dataMask`` itself as
  the last output band (an alpha band). The GUI makes those pixels transparent instead of opaque black.
"""

from __future__ import annotations

import math
import re
from typing import Iterable, List, Optional

__all__ = ["comment_title", "unique_name", "datamask_fill", "datamask_alpha_band", "MAX_TITLE"]

MAX_TITLE = 60
_VERSION = re.compile(r"^\s*//\s*VERSION\s*=\s*\d+\s*$", re.IGNORECASE)
_LINE_COMMENT = re.compile(r"^\s*//+\s*(.*?)\s*$")
_BLOCK_START = re.compile(r"^\s*/\*+\s*(.*?)\s*(\*+/)?\s*$")
# "if (s.dataMask === 0) return [...]", "if (!samples.dataMask) return [...]", "== 0", "< 1"
_FILL = re.compile(
    r"if\s*\(\s*(?:!\s*[A-Za-z_$][\w$]*\.dataMask|[A-Za-z_$][\w$]*\.dataMask\s*(?:===?\s*0|<\s*1))\s*\)\s*"
    r"(?:\{\s*)?return\s*\[([^\]]*)\]"
)
_RETURN = re.compile(r"return\s*\[([^\]]*)\]")
_TERNARY = re.compile(r"[A-Za-z_$][\w$]*\.dataMask\s*\?[^:?]+:\s*(-?[\d.]+|NaN)")  # "s.dataMask ? s.B1 : 0"
_SAMPLE_TYPE = re.compile(r"\"?sampleType\"?\s*:\s*[\"']?(?:SampleType\.)?(\w+)")


def comment_title(script: str) -> Optional[str]:
    """The script's first comment (not the ``//VERSION=3`` marker), at most :data:`MAX_TITLE` characters; None
    when the script starts with code."""
    lines = (script or "").splitlines()
    for i, line in enumerate(lines):
        if not line.strip() or _VERSION.match(line):
            continue
        m = _LINE_COMMENT.match(line)
        if m and not line.strip().startswith("/*"):
            text = m.group(1)
        else:
            block = _BLOCK_START.match(line)
            if block is None:
                return None  # code before any comment
            text = block.group(1)
            if not text and not block.group(2):  # "/*" alone: the title is the next non-empty line
                text = next((ln.strip(" *") for ln in lines[i + 1 :] if ln.strip(" *")), "")
                text = text.split("*/")[0].strip()
        text = text.strip(" -=*#:")
        if not text:
            continue
        return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"
    return None


def unique_name(name: str, taken: Iterable[str]) -> str:
    """``name`` if it is not taken, else ``name (2)``, ``name (3)``, …"""
    taken = set(taken)
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _number(text: str) -> Optional[float]:
    text = text.strip()
    if text == "NaN":
        return math.nan
    try:
        return float(text)
    except ValueError:
        return None


def datamask_fill(script: str) -> Optional[List[float]]:
    """The constant values the script returns where ``dataMask`` is 0 (one per output band; NaN for ``NaN``), or
    None when it returns something else there (or does not test ``dataMask``). Either an early return
    (``if (s.dataMask === 0) return [0];``) or every value of ``evaluatePixel``'s returns written
    ``s.dataMask ? value : 0``."""
    m = _FILL.search(script or "")
    if m is None:
        return _ternary_fill(script or "")
    values = [_number(v) for v in m.group(1).split(",") if v.strip()]
    if not values or any(v is None for v in values):
        return None
    return values  # type: ignore[return-value]


def _pixel_returns(script: str) -> List[List[str]]:
    """The values of every ``return [...]`` after ``evaluatePixel`` (stripped), in order."""
    body = (script or "").split("evaluatePixel", 1)
    if len(body) < 2:
        return []
    return [[v.strip() for v in m.group(1).split(",")] for m in _RETURN.finditer(body[1])]


def _ternary_fill(script: str) -> Optional[List[float]]:
    returns = _pixel_returns(script)
    if len(returns) != 1:
        return None
    values = []
    for value in returns[0]:
        m = _TERNARY.fullmatch(value)
        number = _number(m.group(1)) if m else None
        if number is None:
            return None
        values.append(number)
    return values or None


def datamask_alpha_band(script: str) -> Optional[int]:
    """The 1-based output band that carries ``dataMask`` as alpha (the last value of every ``return [...]`` of
    ``evaluatePixel``) when the output is ``AUTO`` (0..1 written as 0..255, as an alpha band is read), or None."""
    sample = _SAMPLE_TYPE.search(script or "")
    if sample is not None and sample.group(1).upper() != "AUTO":
        return None  # raw 0/1 would read as almost transparent: not an alpha band
    returns = _pixel_returns(script)
    if not returns:
        return None
    counts = {len(values) for values in returns}
    if len(counts) != 1 or next(iter(counts)) < 2:
        return None
    if all(re.fullmatch(r"[A-Za-z_$][\w$]*\.dataMask(\s*\*\s*255)?", values[-1]) for values in returns):
        return len(returns[0])
    return None
