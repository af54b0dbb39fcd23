"""What became of tiles (created, re-traced, copied) and the cover summary, in the user's language."""

from __future__ import annotations

from typing import Callable, Mapping, Optional

from ..core.cover import CoverReport
from ..core.errors import NetworkError
from ..core.s3 import S3Error
from ..core.tile_pipeline import TileOutcome
from ..core.tile_workflows import TileResult
from ..translation import tr
from .errors import network_error_text, s3_error_text, worded_of, worded_text
from .findings import preflight_failure_text
from .tables import fill, outcome_texts, result_texts, summary_texts


def outcome_text(outcome: TileOutcome, scrub: Optional[Callable[[str], str]] = None) -> str:
    """A created tile's outcome message in the user's language: the pre-flight errors that stopped it, or the
    pipeline's own words; any other message (a service or S3 error) as core gave it."""
    if outcome.findings:
        return preflight_failure_text(outcome.findings, scrub)
    if isinstance(outcome.error, S3Error) and outcome.error.key:
        return scrub(s3_error_text(outcome.error)) if scrub is not None else s3_error_text(outcome.error)
    if worded_of(outcome.error) is not None:  # e.g. an object that exists with other content
        return scrub(worded_text(outcome.error)) if scrub is not None else worded_text(outcome.error)
    if isinstance(outcome.error, NetworkError):
        text = str(outcome.error).replace(outcome.error.message, network_error_text(outcome.error))
        return scrub(text) if scrub is not None else text
    template = outcome_texts().get(outcome.key)
    return template if template is not None else outcome.message


def tile_result_text(result: TileResult) -> str:
    """A tile workflow's result message in the user's language (core's message when it is not our wording)."""
    if result.key == "cover":
        return _cover_summary(result.params, result.message)
    template = result_texts().get(result.key)
    return result.message if template is None else fill(template, result.params, result.message)


def cover_summary(report: CoverReport) -> str:
    """``CoverReport.summary()`` in the user's language."""
    return _cover_summary(report.summary_params(), report.summary())


def _cover_summary(params: Mapping[str, str], english: str) -> str:
    texts = summary_texts()
    text = fill(texts["summary"], params, "")
    if not text:
        return english
    if params.get("fallback"):
        fallback = {"extent": tr("extent")}.get(params["fallback"], params["fallback"])
        return fill(texts["fallback"], {**params, "text": text, "fallback": fallback}, english)
    return text
