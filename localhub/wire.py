"""Wire formats of the real service: timestamps, tile paths, page sizes and tokens."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Optional

from .errors import bad_payload

PATH_RE = re.compile(r"^([^/](/?[^/])*)?$")
MAX_PATH_LENGTH = 1024


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)


def format_created(moment: datetime) -> str:
    """``created``/``ingestionStart`` as the service writes them: 6-digit microseconds and ``Z``."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_created() -> str:
    """``format_created`` of now."""
    return format_created(utc_now())


def parse_time(value: Any, field_name: str) -> Optional[datetime]:
    """Parse an ISO 8601 date-time (``Z``, an offset, or none = UTC) to an aware UTC datetime.

    Date-only strings are refused. ``None`` stays ``None``.
    """
    if value is None:
        return None
    if not isinstance(value, str) or "T" not in value.upper():
        raise bad_payload(
            f"'{field_name}' must be an ISO 8601 date-time such as 2019-11-27T00:00:00Z, got {value!r}.", field_name
        )
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    # Python 3.9/3.10 fromisoformat accepts only 3 or 6 fractional digits: normalise to 6
    match = re.match(r"^(.*T\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(.*)$", text)
    if match:
        frac = (match.group(2) or "")[:6].ljust(6, "0") if match.group(2) else ""
        text = match.group(1) + (f".{frac}" if frac else "") + match.group(3)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise bad_payload(
            f"'{field_name}' must be an ISO 8601 date-time such as 2019-11-27T00:00:00Z, got {value!r}.", field_name
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def store_sensing_time(moment: Optional[datetime]) -> Optional[str]:
    """Internal sortable form of a sensing time: milliseconds always present (sub-millisecond part dropped)."""
    if moment is None:
        return None
    m = moment
    # by hand: strftime does not zero-pad years before 1000 on every platform
    return (
        f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}"
        f".{m.microsecond // 1000:03d}Z"
    )


def format_sensing_time(stored: Optional[str]) -> Optional[str]:
    """``sensingTime`` as the service writes it: ``2019-11-27T00:00:00Z``, milliseconds only when non-zero."""
    if stored is None:
        return None
    if stored.endswith(".000Z"):
        return stored[:-5] + "Z"
    return stored


def check_tile_path(path: Any) -> str:
    """Validate a tile ``path`` against the service's regex; return it."""
    if not isinstance(path, str) or not path:
        raise bad_payload("Tile 'path' is required: the folder or file pattern of the tile in the bucket.", "path")
    if len(path) > MAX_PATH_LENGTH or not PATH_RE.match(path):
        raise bad_payload(
            f"Tile path {path!r} is invalid: it must match ^([^/](/?[^/])*)?$ (no leading or trailing '/', no '//').",
            "path",
        )
    return path


def parse_count(raw: Optional[str]) -> int:
    """``count`` query parameter: an integer 1..100, default 100."""
    if raw is None or raw == "":
        return 100
    try:
        count = int(raw)
    except ValueError:
        raise bad_payload(f"'count' must be an integer between 1 and 100, got {raw!r}.", "count") from None
    if not 1 <= count <= 100:
        raise bad_payload(f"'count' must be between 1 and 100, got {count}.", "count")
    return count


def parse_viewtoken(raw: Optional[str]) -> int:
    """``viewtoken``: the opaque page token this service hands out (a small integer offset)."""
    if raw is None or raw == "":
        return 0
    if not raw.isdigit():
        raise bad_payload(
            f"'viewtoken' {raw!r} is not a token this service issued; start again without it.", "viewtoken"
        )
    return int(raw)
