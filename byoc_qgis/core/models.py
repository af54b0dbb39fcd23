"""BYOC data models: Collection, Band, Tile, TileStatus (time, CRS and Geometry values: :mod:`.api_values`,
re-exported here).

``from_dict``/``to_dict`` keep every field the service sent, including ones this version does not know, so a
read-modify-write never drops data. :class:`Tile` is lean: it wraps the decoded JSON dict and parses fields
(times, geometries) only when they are read, which keeps listing 20 000 tiles close to the cost of the JSON.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Dict, List, Optional, Union

from .api_values import WGS84, Geometry, crs_url, crs_urn, format_time, parse_crs, parse_time
from .worded import WordedError

__all__ = [
    "TileStatus",
    "Band",
    "Collection",
    "Tile",
    "Geometry",
    "parse_time",
    "format_time",
    "parse_crs",
    "crs_urn",
    "crs_url",
    "WGS84",
    "SAMPLE_FORMATS",
    "BIT_DEPTHS",
]

SAMPLE_FORMATS = ("UINT", "INT", "FLOAT")
BIT_DEPTHS = (8, 16, 32)


# -- status -----------------------------------------------------------------------------------------------------
class TileStatus(str, Enum):
    """Tile ingestion status."""

    WAITING = "WAITING"
    QUEUED = "QUEUED"
    INGESTING = "INGESTING"
    INGESTED = "INGESTED"
    FAILED = "FAILED"

    @property
    def is_final(self) -> bool:
        """INGESTED or FAILED."""
        return self in (TileStatus.INGESTED, TileStatus.FAILED)

    @classmethod
    def parse(cls, value: Any) -> Optional[TileStatus]:
        """The member for ``value`` (case-insensitive), ``None`` for missing/unknown values."""
        if value is None:
            return None
        if isinstance(value, TileStatus):
            return value
        try:
            return cls(str(value).upper())
        except ValueError:
            return None


# -- band -------------------------------------------------------------------------------------------------------
_BAND_KEYS = {"source": "source", "bandIndex": "band_index", "bitDepth": "bit_depth", "sampleFormat": "sample_format"}
_JS_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


@dataclass
class Band:
    """One band of a collection: ``source`` replaces ``(BAND)`` in tile paths, ``band_index`` is 1-based."""

    name: str
    source: Optional[str] = None
    band_index: Optional[int] = None
    bit_depth: Optional[int] = None
    sample_format: Optional[str] = None
    no_data: Optional[float] = None
    extra: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _JS_IDENT.match(self.name or ""):
            raise WordedError("band-name-js", name=self.name)
        if self.bit_depth is not None and int(self.bit_depth) not in BIT_DEPTHS:
            raise WordedError("band-bit-depth", name=self.name, bit_depth=self.bit_depth)
        if self.sample_format is not None:
            self.sample_format = str(self.sample_format).upper()
            if self.sample_format not in SAMPLE_FORMATS:
                raise WordedError("band-sample-format", name=self.name, sample_format=self.sample_format)

    @classmethod
    def from_dict(cls, name: str, data: Dict[str, Any]) -> Band:
        """From the wire form (the value under ``additionalData.bands[name]``)."""
        data = data or {}
        kwargs = {attr: data.get(key) for key, attr in _BAND_KEYS.items()}
        extra = {k: v for k, v in data.items() if k not in _BAND_KEYS and k != "noData"}
        return cls(name=name, no_data=data.get("noData"), extra=extra, **kwargs)

    def to_dict(self) -> Dict[str, Any]:
        """Wire form (``None`` fields omitted; unknown fields kept)."""
        out = dict(self.extra)
        for key, attr in _BAND_KEYS.items():
            value = getattr(self, attr)
            if value is not None:
                out[key] = value
        if self.no_data is not None:
            out["noData"] = self.no_data
        return out

    @property
    def effective_source(self) -> str:
        """File stem used for ``(BAND)`` (the name when ``source`` is not set)."""
        return self.source or self.name


# -- collection -------------------------------------------------------------------------------------------------
_COLLECTION_RO = ("id", "userId", "accountId", "created", "requiresMetadataUpdate")
_ADDITIONAL_RO = ("maxMetersPerPixel", "extent", "hasSensingTimes", "fromSensingTime", "toSensingTime")


@dataclass
class Collection:
    """A BYOC collection. ``raw`` keeps everything the service sent (unknown fields included)."""

    name: str
    s3_bucket: str
    id: Optional[str] = None
    bands: Dict[str, Band] = field(default_factory=dict)
    no_data: Optional[float] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Collection:
        """From the wire form."""
        if not isinstance(data, dict):
            raise ValueError("collection: expected a JSON object")
        additional = data.get("additionalData") or {}
        bands_raw = additional.get("bands") or {}
        bands = {name: Band.from_dict(name, spec) for name, spec in bands_raw.items()}
        return cls(
            name=data.get("name") or "",
            s3_bucket=data.get("s3Bucket") or "",
            id=data.get("id"),
            bands=bands,
            no_data=data.get("noData"),
            raw=copy.deepcopy(data),
        )

    def to_dict(self) -> Dict[str, Any]:
        """Wire form with every field (unknown ones kept)."""
        out = copy.deepcopy(self.raw)
        out["name"] = self.name
        out["s3Bucket"] = self.s3_bucket
        if self.id is not None:
            out["id"] = self.id
        if self.no_data is not None:
            out["noData"] = self.no_data
        else:
            out.pop("noData", None)
        additional = dict(out.get("additionalData") or {})
        if self.bands or "bands" in additional:
            additional["bands"] = {name: band.to_dict() for name, band in self.bands.items()}
        if additional:
            out["additionalData"] = additional
        return out

    def to_payload(self) -> Dict[str, Any]:
        """Body for create/update: writable fields only (read-only ones are dropped)."""
        out = self.to_dict()
        for key in _COLLECTION_RO:
            out.pop(key, None)
        additional = out.get("additionalData")
        if isinstance(additional, dict):
            for key in _ADDITIONAL_RO:
                additional.pop(key, None)
            if not additional:
                out.pop("additionalData")
        return out

    # convenience read-only views
    @property
    def created(self) -> Optional[datetime]:
        return parse_time(self.raw.get("created"), "collection.created")

    @property
    def is_configured(self) -> Optional[bool]:
        return self.raw.get("isConfigured")

    @property
    def requires_metadata_update(self) -> Optional[bool]:
        return self.raw.get("requiresMetadataUpdate")

    @property
    def additional_data(self) -> Dict[str, Any]:
        return self.raw.get("additionalData") or {}

    @property
    def max_meters_per_pixel(self) -> Optional[float]:
        return self.additional_data.get("maxMetersPerPixel")

    @property
    def extent(self) -> Optional[Geometry]:
        return Geometry.from_dict(self.additional_data.get("extent"))

    @property
    def has_sensing_times(self) -> Optional[str]:
        return self.additional_data.get("hasSensingTimes")

    @property
    def from_sensing_time(self) -> Optional[datetime]:
        return parse_time(self.additional_data.get("fromSensingTime"), "fromSensingTime")

    @property
    def to_sensing_time(self) -> Optional[datetime]:
        return parse_time(self.additional_data.get("toSensingTime"), "toSensingTime")


# -- tile -------------------------------------------------------------------------------------------------------
_TILE_WRITABLE = ("path", "coverGeometry", "sensingTime")


class Tile:
    """A BYOC tile. Wraps the wire dict; times and geometries are parsed when first read."""

    __slots__ = ("_d", "_cache")

    def __init__(
        self,
        path: str,
        sensing_time: Union[datetime, str, None] = None,
        cover_geometry: Union[Geometry, Dict[str, Any], None] = None,
        **extra: Any,
    ) -> None:
        d: Dict[str, Any] = dict(extra)
        d["path"] = path
        self._d = d
        self._cache: Dict[str, Any] = {}
        if sensing_time is not None:
            self.sensing_time = sensing_time  # type: ignore[assignment]
        if cover_geometry is not None:
            self.cover_geometry = cover_geometry  # type: ignore[assignment]

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> Tile:
        """From the wire form (a copy is kept, unknown fields included)."""
        if not isinstance(data, dict):
            raise ValueError("tile: expected a JSON object")
        return cls._wrap(dict(data))

    @classmethod
    def _wrap(cls, data: Dict[str, Any]) -> Tile:
        """Wrap a freshly decoded dict without copying (listing fast path)."""
        tile = cls.__new__(cls)
        tile._d = data
        tile._cache = {}
        return tile

    def to_dict(self) -> Dict[str, Any]:
        """Wire form with every field."""
        return copy.deepcopy(self._d)

    def to_payload(self) -> Dict[str, Any]:
        """Body for create/update: ``path``, ``coverGeometry``, ``sensingTime`` (None dropped)."""
        return {k: copy.deepcopy(self._d[k]) for k in _TILE_WRITABLE if self._d.get(k) is not None}

    # plain fields
    @property
    def id(self) -> Optional[str]:
        return self._d.get("id")

    @property
    def path(self) -> str:
        return self._d.get("path") or ""

    @path.setter
    def path(self, value: str) -> None:
        self._d["path"] = value

    @property
    def status(self) -> Optional[TileStatus]:
        return TileStatus.parse(self._d.get("status"))

    @property
    def additional_data(self) -> Dict[str, Any]:
        return self._d.get("additionalData") or {}

    @property
    def failed_ingestion_cause(self) -> Optional[str]:
        return self.additional_data.get("failedIngestionCause")

    @property
    def warnings(self) -> List[Any]:
        return list(self.additional_data.get("warnings") or [])

    # lazily parsed fields
    def _parsed(self, key: str, parser: Any) -> Any:
        cache = self._cache
        if key not in cache:
            cache[key] = parser(self._d.get(key))
        return cache[key]

    @property
    def sensing_time(self) -> Optional[datetime]:
        return self._parsed("sensingTime", lambda v: parse_time(v, "tile.sensingTime"))

    @sensing_time.setter
    def sensing_time(self, value: Union[datetime, str, None]) -> None:
        self._d["sensingTime"] = format_time(value)
        self._cache.pop("sensingTime", None)

    @property
    def created(self) -> Optional[datetime]:
        return self._parsed("created", lambda v: parse_time(v, "tile.created"))

    @property
    def ingestion_start(self) -> Optional[datetime]:
        return self._parsed("ingestionStart", lambda v: parse_time(v, "tile.ingestionStart"))

    @property
    def cover_geometry(self) -> Optional[Geometry]:
        return self._parsed("coverGeometry", Geometry.from_dict)

    @cover_geometry.setter
    def cover_geometry(self, value: Union[Geometry, Dict[str, Any], None]) -> None:
        if isinstance(value, Geometry):
            value = value.to_dict()
        elif isinstance(value, dict):
            Geometry.from_dict(value)  # validate
        self._d["coverGeometry"] = value
        self._cache.pop("coverGeometry", None)

    @property
    def tile_geometry(self) -> Optional[Geometry]:
        return self._parsed("tileGeometry", Geometry.from_dict)

    def get(self, key: str, default: Any = None) -> Any:
        """Any wire field by its JSON name (also unknown ones)."""
        return self._d.get(key, default)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tile) and other._d == self._d

    def __repr__(self) -> str:
        return f"Tile(id={self.id!r}, path={self.path!r}, status={self._d.get('status')!r})"
