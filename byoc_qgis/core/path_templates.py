"""Tile paths and sensing times from templates, validated against the BYOC service's path rules.

A template is a tile path with ``{field}`` placeholders and the literal ``(BAND)``:
``{year}/{month}/{day}/{tile}/(BAND).tif`` → ``2024/05/01/33UVP/(BAND).tif``. Fields: ``year month day hour
minute second`` (zero-padded), ``doy`` (day of year, 3 digits), ``date`` (YYYYMMDD), ``datetime``
(YYYYMMDDTHHMMSS), ``tile``, ``name`` (the source file's stem) and any extra values given by the caller.

The same template parses existing paths back into fields (:func:`parse_path`), and the sensing time can also be
read from a date pattern in a file name (``%Y%m%d`` style, :func:`find_date`).
Service rules: path matches ``^([^/](/?[^/])*)?$`` (no leading/trailing slash, no ``//``); ``sensingTime`` is
ISO 8601 UTC without sub-millisecond precision.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Dict, Mapping, Optional

from .worded import WordedError

PATH_RE = re.compile(r"^([^/](/?[^/])*)?$")
BAND = "(BAND)"
TIME_FIELDS = ("year", "month", "day", "hour", "minute", "second", "doy", "date", "datetime")
_FIELD_RX = {
    "year": r"\d{4}",
    "month": r"\d{2}",
    "day": r"\d{2}",
    "hour": r"\d{2}",
    "minute": r"\d{2}",
    "second": r"\d{2}",
    "doy": r"\d{3}",
    "date": r"\d{8}",
    "datetime": r"\d{8}T\d{6}",
}
_STRFTIME_RX = {
    "%Y": r"\d{4}",
    "%m": r"\d{2}",
    "%d": r"\d{2}",
    "%H": r"\d{2}",
    "%M": r"\d{2}",
    "%S": r"\d{2}",
    "%j": r"\d{3}",
    "%y": r"\d{2}",
    "%%": "%",
}
_AUTO_DATES = (
    (re.compile(r"(?<!\d)(\d{8}T\d{6})(?!\d)"), "%Y%m%dT%H%M%S"),
    (re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})"), "%Y-%m-%dT%H:%M:%S"),
    (re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)"), "%Y-%m-%d"),
    (re.compile(r"(?<!\d)(\d{8})(?!\d)"), "%Y%m%d"),
)


class PathTemplateError(WordedError):
    """A template, path or date pattern is invalid; the message says what to change."""


def validate_path(path: str) -> str:
    """Return ``path`` if the service accepts it as a tile path, else raise :class:`PathTemplateError`."""
    if "\\" in path:
        raise PathTemplateError("path-backslash", path=path)
    if not path:
        raise PathTemplateError("path-empty")
    if not PATH_RE.match(path):
        raise PathTemplateError("path-rejected", path=path)
    if path.count(BAND) > 1:
        raise PathTemplateError("path-band-twice", path=path)
    if re.search(r"[{}]", path):
        raise PathTemplateError("path-placeholder-left", path=path)
    return path


def time_fields(sensing_time: datetime) -> Dict[str, str]:
    """The template fields derived from a sensing time (UTC)."""
    t = _utc(sensing_time)
    return {
        "year": f"{t.year:04d}",
        "month": f"{t.month:02d}",
        "day": f"{t.day:02d}",
        "hour": f"{t.hour:02d}",
        "minute": f"{t.minute:02d}",
        "second": f"{t.second:02d}",
        "doy": f"{t.timetuple().tm_yday:03d}",
        "date": t.strftime("%Y%m%d"),
        "datetime": t.strftime("%Y%m%dT%H%M%S"),
    }


def template_fields(template: str) -> list:
    """The ``{field}`` names used by ``template``, in order."""
    try:
        return [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise PathTemplateError("template-malformed", template=template, error=str(exc)) from None


def build_tile_path(
    template: str,
    sensing_time: Optional[datetime] = None,
    tile: Optional[str] = None,
    name: Optional[str] = None,
    **extra: str,
) -> str:
    """Fill ``template`` and validate the result against the service's path rules."""
    values: Dict[str, str] = {}
    if sensing_time is not None:
        values.update(time_fields(sensing_time))
    if tile is not None:
        values["tile"] = str(tile)
    if name is not None:
        values["name"] = str(name)
    values.update({k: str(v) for k, v in extra.items()})
    for field_name in template_fields(template):
        if not field_name or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", field_name):
            raise PathTemplateError("template-not-simple", template=template, field=field_name)
        if field_name not in values:
            key = "template-no-time" if field_name in TIME_FIELDS else "template-no-value"
            available = ", ".join(sorted(values)) or "none"
            raise PathTemplateError(key, template=template, field=field_name, available=available)
        if "/" in values[field_name] and field_name not in ("name",):
            raise PathTemplateError("template-value-slash", field=field_name, value=values[field_name])
    path = template.format(**values)
    return validate_path(path)


def _template_regex(template: str) -> re.Pattern:
    parts = []
    seen = set()
    for literal, field_name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field_name is None:
            continue
        if field_name in seen:
            parts.append(f"(?P={field_name})")
            continue
        seen.add(field_name)
        parts.append(f"(?P<{field_name}>{_FIELD_RX.get(field_name, r'[^/]+?')})")
    rx = "".join(parts).replace(re.escape(BAND), r"(?P<BAND>[^/]+?)")
    return re.compile(f"^{rx}$")


def parse_path(template: str, path: str) -> Optional[Dict[str, str]]:
    """Fields of ``path`` read with ``template`` (``BAND`` too when the path has a band file name), or None."""
    m = _template_regex(template).match(path)
    return m.groupdict() if m else None


def sensing_time_from_fields(fields: Mapping[str, str]) -> Optional[datetime]:
    """The sensing time encoded by template fields, or None when they do not carry a date."""
    try:
        if fields.get("datetime"):
            return datetime.strptime(fields["datetime"], "%Y%m%dT%H%M%S").replace(tzinfo=timezone.utc)
        if fields.get("date"):
            base = datetime.strptime(fields["date"], "%Y%m%d")
        elif fields.get("year") and fields.get("doy"):
            base = datetime(int(fields["year"]), 1, 1) + timedelta(days=int(fields["doy"]) - 1)
        elif fields.get("year") and fields.get("month") and fields.get("day"):
            base = datetime(int(fields["year"]), int(fields["month"]), int(fields["day"]))
        else:
            return None
        return base.replace(
            hour=int(fields.get("hour") or 0),
            minute=int(fields.get("minute") or 0),
            second=int(fields.get("second") or 0),
            tzinfo=timezone.utc,
        )
    except ValueError as exc:
        raise PathTemplateError("date-invalid", fields=str(dict(fields)), error=str(exc)) from None


def date_pattern_regex(pattern: str) -> re.Pattern:
    """Regex for a strftime-style date pattern (``%Y %m %d %H %M %S %j %y``), e.g. ``%Y%m%d``."""
    out = []
    i = 0
    while i < len(pattern):
        tok = pattern[i : i + 2]
        if tok in _STRFTIME_RX:
            out.append(_STRFTIME_RX[tok])
            i += 2
        elif pattern[i] == "%":
            raise PathTemplateError("date-pattern-token", pattern=pattern, token=tok)
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile(r"(?<!\d)(" + "".join(out) + r")(?!\d)")


# path-template placeholders accepted in date patterns too, so users can write {year}{month}{day} or %Y%m%d
_PLACEHOLDER_STRFTIME = {
    "{year}": "%Y",
    "{month}": "%m",
    "{day}": "%d",
    "{hour}": "%H",
    "{minute}": "%M",
    "{second}": "%S",
    "{doy}": "%j",
}


def strftime_pattern(pattern: str) -> str:
    """A date pattern in strftime form: ``{year}-{month}-{day}`` placeholders become ``%Y-%m-%d``."""
    for placeholder, code in _PLACEHOLDER_STRFTIME.items():
        pattern = pattern.replace(placeholder, code)
    return pattern


def find_date(text: str, pattern: Optional[str] = None) -> Optional[datetime]:
    """The first date in ``text`` (a file name): with a ``pattern`` (strftime codes such as ``%Y%m%d`` or path
    placeholders such as ``{year}{month}{day}``), or auto-detected (YYYYMMDDTHHMMSS, YYYY-MM-DD[THH:MM:SS],
    YYYYMMDD). UTC; None when no date is found."""
    if pattern:
        pattern = strftime_pattern(pattern)
    candidates = [(date_pattern_regex(pattern), pattern)] if pattern else list(_AUTO_DATES)
    for rx, fmt in candidates:
        for m in rx.finditer(text):
            try:
                return datetime.strptime(m.group(1), fmt).replace(tzinfo=timezone.utc)
            except ValueError:
                continue  # e.g. 8 digits that are not a date; try the next match
    return None


def format_sensing_time(t: datetime) -> str:
    """ISO 8601 UTC for the API, at most millisecond precision: ``2024-05-01T10:20:30Z`` / ``...30.123Z``."""
    t = _utc(t)
    ms = t.microsecond // 1000
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{base}.{ms:03d}Z" if ms else f"{base}Z"


def _utc(t: datetime) -> datetime:
    if t.tzinfo is None:
        return t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc)


@dataclass(frozen=True)
class TilePlan:
    """Where a tile goes and when it was sensed."""

    path: str
    sensing_time: Optional[datetime]

    @property
    def sensing_time_text(self) -> Optional[str]:
        return format_sensing_time(self.sensing_time) if self.sensing_time else None


def plan_tile(
    template: str,
    source_name: str,
    tile: Optional[str] = None,
    sensing_time: Optional[datetime] = None,
    date_pattern: Optional[str] = None,
    **extra: str,
) -> TilePlan:
    """Tile path and sensing time for a source file: the sensing time is given, or read from the file name
    (``date_pattern`` or auto-detection). ``{name}`` is the file's stem; ``{tile}`` defaults to it."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", source_name.replace("\\", "/").rsplit("/", 1)[-1])
    when = sensing_time or find_date(stem, date_pattern)
    needs_time = any(f in TIME_FIELDS for f in template_fields(template))
    if when is None and needs_time:
        if date_pattern:
            raise PathTemplateError("no-sensing-time-pattern", source=source_name, pattern=date_pattern)
        raise PathTemplateError("no-sensing-time", source=source_name)
    path = build_tile_path(template, when, tile if tile is not None else stem, stem, **extra)
    return TilePlan(path, when)
