"""Tile path and sensing-time templates.

ADAPTER: a minimal stand-in until ``byoc_qgis.core.path_templates`` (COG toolkit issue) lands; the algorithms
only use :func:`render_path` and :func:`sensing_time_from_text`, which can then delegate to core.

* Path templates: ``{tile}/(BAND).tif``, ``{date}/{name}/(BAND).tif``, ``mosaic/{year}/{month}/{day}/{name}_(BAND).tif``
  with placeholders ``{tile}`` (the tile's folder relative to the input root, or a multi-band file's stem),
  ``{name}`` (its last part), ``{date}`` (YYYY-MM-DD), ``{year}``, ``{month}``, ``{day}`` (from the sensing time).
  The result must contain ``(BAND)`` once and match the service's rule ``^([^/](/?[^/])*)?$``.
* Sensing-time templates: a pattern with ``{year}``, ``{month}``, ``{day}`` and optional ``{hour}``,
  ``{minute}``, ``{second}``, searched in a file's relative path: ``{year}-{month}-{day}`` finds 2023-06-10,
  ``_{year}{month}{day}T{hour}{minute}{second}`` finds _20230610T073629.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Dict, Optional

__all__ = ["render_path", "sensing_time_from_text", "TemplateError", "PATH_RE"]

PATH_RE = re.compile(r"^([^/](/?[^/])*)?$")
_FIELDS = {"year": r"(?P<year>\d{4})", "month": r"(?P<month>\d{2})", "day": r"(?P<day>\d{2})",
           "hour": r"(?P<hour>\d{2})", "minute": r"(?P<minute>\d{2})", "second": r"(?P<second>\d{2})"}  # fmt: skip


class TemplateError(ValueError):
    """A template cannot be applied; the message names the template and the fix."""


def render_path(template: str, values: Dict[str, str], sensing_time: Optional[datetime] = None) -> str:
    """Fill a tile path template; raise :class:`TemplateError` for unknown placeholders or an invalid path."""
    fields = dict(values)
    if sensing_time is not None:
        fields.update(
            date=sensing_time.strftime("%Y-%m-%d"),
            year=f"{sensing_time.year:04d}",
            month=f"{sensing_time.month:02d}",
            day=f"{sensing_time.day:02d}",
        )
    try:
        path = template.format(**fields)
    except KeyError as exc:
        name = exc.args[0]
        hint = " (it needs a sensing time)" if name in ("date", "year", "month", "day") else ""
        raise TemplateError(
            f"path template {template!r}: no value for {{{name}}}{hint}; use {{tile}}, {{name}}, {{date}}, "
            "{year}, {month}, {day}"
        ) from None
    except (IndexError, ValueError) as exc:
        raise TemplateError(f"path template {template!r}: {exc}") from None
    path = path.strip().replace("\\", "/")
    if path.count("(BAND)") != 1:
        raise TemplateError(f"path template {template!r} must contain (BAND) exactly once, e.g. {{tile}}/(BAND).tif")
    if not PATH_RE.match(path):
        raise TemplateError(f"tile path {path!r}: no leading or trailing '/', no '//'")
    return path


def sensing_time_from_text(template: str, text: str) -> Optional[datetime]:
    """The first time matching ``template`` in ``text`` (UTC), or None; TemplateError for a bad template."""
    if "{year}" not in template or "{month}" not in template or "{day}" not in template:
        raise TemplateError(
            f"sensing-time template {template!r} needs {{year}}, {{month}} and {{day}}, e.g. {{year}}-{{month}}-{{day}}"
        )
    pattern = ""
    for part in re.split(r"(\{[a-z]+\})", template):
        if part.startswith("{") and part.endswith("}"):
            name = part[1:-1]
            if name not in _FIELDS:
                raise TemplateError(f"sensing-time template {template!r}: unknown placeholder {part}")
            pattern += _FIELDS[name]
        else:
            pattern += re.escape(part)
    m = re.search(pattern, text)
    if not m:
        return None
    g = {k: int(v) for k, v in m.groupdict().items() if v is not None}
    try:
        return datetime(g["year"], g["month"], g["day"], g.get("hour", 0), g.get("minute", 0), g.get("second", 0),
                        tzinfo=timezone.utc)  # fmt: skip
    except ValueError as exc:
        raise TemplateError(f"{text!r}: {m.group(0)!r} is not a valid date ({exc})") from None
