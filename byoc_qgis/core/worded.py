"""Texts core words for people beyond findings, S3 and network errors: validation errors of what users type (tile
path templates, sensing times, deployment URLs), cover-tracing warnings and the pipeline's log lines.

Each text has a stable id and English template in :data:`WORDED_TEXTS`; core raises :class:`WordedError` (a
``ValueError`` whose ``str()`` is the English sentence) or keeps a :class:`WordedText` (a ``str`` that is the English
sentence) with the id and the values, so logs, localhub and existing callers read the same English as before, and
``byoc_qgis.wording`` words the same id in the user's language (its ``tr()`` table must equal this one:
tests/test_wording.py). Values that are library texts (a ``strptime`` error) stay as they came.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping

#: the English wording by stable id; ``byoc_qgis.wording.tables.worded_texts`` keeps the same texts as tr() literals
WORDED_TEXTS: Dict[str, str] = {
    # --- tile paths, templates and sensing times (core.path_templates, core.tile_plan) ---
    "path-backslash": "Tile path {path!r} contains a backslash; use / between folders.",
    "path-empty": "The tile path is empty.",
    "path-rejected": (
        "Tile path {path!r} is not accepted by the service: no leading or trailing '/', no '//' "
        "(pattern ^([^/](/?[^/])*)?$)."
    ),
    "path-band-twice": "Tile path {path!r} contains (BAND) more than once.",
    "path-placeholder-left": "Tile path {path!r} still contains a {{placeholder}}.",
    "template-malformed": "Template {template!r} is malformed: {error}.",
    "template-not-simple": "Template {template!r}: placeholder {{{field}}} is not a simple name.",
    "template-no-value": "Template {template!r} uses {{{field}}} but no value was given; available: {available}.",
    "template-no-time": (
        "Template {template!r} uses {{{field}}} but no value was given (give the sensing time); available: {available}."
    ),
    "template-value-slash": "Value of {{{field}}} ({value!r}) must not contain '/'.",
    "template-band-once": "The template {template!r} must contain (BAND) once.",
    "date-invalid": "The date in {fields} is invalid: {error}.",
    "date-pattern-token": "Date pattern {pattern!r}: {token!r} is not supported; use %Y %m %d %H %M %S %j %y.",
    "no-sensing-time-pattern": (
        "No sensing time for {source}: the template needs a date and the file name has no pattern {pattern!r}. "
        "Give the sensing time or a date pattern."
    ),
    "no-sensing-time": (
        "No sensing time for {source}: the template needs a date and the file name has no a YYYYMMDD or YYYY-MM-DD "
        "date. Give the sensing time or a date pattern."
    ),
    "same-tile-path": "several tiles would get the same path {path!r}; change the path template",
    # --- deployment URLs (core.deployments) ---
    "url-not-http": "{field}: {url!r} is not an http(s) URL; give e.g. https://services.sentinel-hub.com",
    "url-credentials": "{field}: credentials must not be part of the URL; use the client id/secret fields",
    "url-query": "{field}: remove the query/fragment from {url}",
    "deployment-unknown": "deployment {deployment!r} is unknown; use one of {known} or a base URL like http://host:port",
    # --- cover tracing warnings (core.cover) ---
    "cover-no-valid-pixel": "{path}: no valid pixel found; skip this tile (nothing to cover).",
    "cover-extent-fallback": "No outline fits the point budget; using the raster extent as cover.",
    "cover-too-fragmented": "The data area is too small or too fragmented to fit without no-data; no cover.",
    "cover-no-epsg": "{path}: the CRS has no EPSG code; the GeoJSON has no crs member.",
    # --- the tile pipeline's log lines (core.tile_pipeline) ---
    "tile-line": "{name}: {text}",
    "tile-cogified": "{name}: {stem} COGified",
    "tile-upload-skipped": "{name}: s3://{bucket}/{key} already holds this file ({how}), not uploaded again",
    "tile-upload-replaced": "{name}: s3://{bucket}/{key} held other content and was replaced (OVERWRITE)",
}

#: English values core passes into these texts that are our own words too (a field's name, how a file was found
#: unchanged); ``byoc_qgis.wording.tables.worded_values`` translates them
WORDED_VALUES = (
    "base URL",
    "token URL",
    "none",
    "same MD5",
    "same multipart checksum",
    "same MD5 (the checksum stored with the object)",
)


def english(key: str, params: Mapping[str, Any]) -> str:
    """The English sentence of ``key`` with ``params``."""
    return WORDED_TEXTS[key].format(**params)


class WordedText(str):
    """A sentence for people that is core's English text (it *is* that ``str``) and keeps its wording id ``key``
    and values ``params`` (values may be WordedTexts themselves), so the layers above core can word it again."""

    key: str
    params: Dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> WordedText:  # "/": a value may be called key too
        text = super().__new__(cls, english(key, params))
        text.key, text.params = key, dict(params)
        return text

    def __reduce__(self):  # copies and pickles keep the id and values
        return (_worded_text, (self.key, self.params))


def _worded_text(key: str, params: Dict[str, Any]) -> WordedText:
    return WordedText(key, **params)


class WordedError(ValueError):
    """A ``ValueError`` core words for people: ``str()`` is the English sentence of ``key`` with ``params``."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key, self.params = key, dict(params)
        super().__init__(english(key, params))

    def __reduce__(self):
        return (_worded_error, (type(self), self.key, self.params))


def _worded_error(cls: type, key: str, params: Dict[str, Any]) -> WordedError:
    return cls(key, **params)
