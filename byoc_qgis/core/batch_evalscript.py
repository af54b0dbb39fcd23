"""Which outputs a batch request delivers: the output ids an evalscript's ``setup()`` declares, as responses.

A batch task delivers one file per cell and ``output.responses`` entry; each response names an output of the
evalscript (``id`` in ``setup()``; an output without ``id`` is ``default``) and is ``image/tiff``, except
``userdata`` (what ``updateOutputMetadata`` writes), which is ``application/json`` (batch-api.md §2).
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from .process import OutputResponse

__all__ = ["evalscript_output_ids", "batch_responses", "USERDATA"]

USERDATA = "userdata"
_OUTPUT_RE = re.compile(r"\boutput\"?\s*:\s*(\[[^\]]*\]|\{[^}]*\})", re.S)
_OBJECT_RE = re.compile(r"\{[^}]*\}", re.S)
_ID_RE = re.compile(r"\bid[\"']?\s*:\s*[\"']([^\"']+)[\"']")


def evalscript_output_ids(script: str) -> List[str]:
    """The output ids of the script's ``setup()`` in order (``["default"]`` when none is written literally)."""
    match = _OUTPUT_RE.search(script or "")
    if not match:
        return ["default"]
    ids: List[str] = []
    for obj in _OBJECT_RE.findall(match.group(1)):
        found = _ID_RE.search(obj)
        name = found.group(1) if found else "default"
        if name not in ids:
            ids.append(name)
    return ids or ["default"]


def batch_responses(script: str, wanted: Optional[Sequence[str]] = None) -> List[OutputResponse]:
    """``output.responses`` for a batch request: ``wanted`` ids (default: every output of the script) as GeoTIFF,
    ``userdata`` as JSON. Raises ``ValueError`` for an id the script does not declare."""
    declared = evalscript_output_ids(script)
    names = [w.strip() for w in (wanted or []) if w and w.strip()] or declared
    unknown = [n for n in names if n != USERDATA and n not in declared]
    if unknown:
        raise ValueError(
            f"output {unknown[0]!r} is not declared by the evalscript's setup(); its outputs are: {', '.join(declared)}"
        )
    return [OutputResponse(n, "application/json" if n == USERDATA else "image/tiff") for n in dict.fromkeys(names)]
