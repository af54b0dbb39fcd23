"""Errors core words (network failures, S3 problems and checks, our wording around the service's errors) in the
user's language; the service's and the storage's own words stay as they came."""

from __future__ import annotations

from typing import Callable, Dict, Mapping, Optional, Union

from ..core.errors import (
    AuthError,
    ForbiddenError,
    NetworkError,
    RateLimitedError,
    SentinelHubError,
    ServerError,
    describe,
)
from ..core.explain import Explanation
from ..core.s3 import S3Error
from ..core.s3_check import BucketCheck
from ..core.worded import WordedError, WordedText
from ..translation import tr
from .tables import fallback_reasons, fill, network_hints, network_reasons, s3_templates, worded_texts, worded_values


def describe_error(exc: BaseException) -> str:
    """One sentence for people about an error of the client, as ``core.errors.describe`` says it but in the user's
    language: our own wording translated, the service's message (and library texts) as they came."""
    if isinstance(exc, NetworkError):
        return network_error_text(exc)
    if isinstance(exc, WordedError):
        return worded_text(exc)
    if isinstance(exc, SentinelHubError):
        head = f"HTTP {exc.status}: {exc.message}" if exc.status else exc.message
        if isinstance(exc, ServerError):
            return tr("The service failed ({}); try again later").format(head)
        if isinstance(exc, RateLimitedError):
            return tr("The service is still rate limiting requests ({}); try again in a minute").format(head)
        if isinstance(exc, AuthError) and not isinstance(exc, ForbiddenError):
            return tr("{} — check the client id and secret of the connection").format(head)
        return head
    return describe(exc)


def network_error_text(exc: NetworkError) -> str:
    """ "Cannot reach <url> (<reason>): <hint>" in the user's language (the exception's English message when core
    did not word it)."""
    params = getattr(exc, "params", None) or {}
    reason_id = params.get("reason_id", "")
    reason = network_reasons().get(reason_id)
    if reason is None or not params.get("url"):
        return exc.message
    reason = fill(reason, {"seconds": params.get("seconds", "")}, exc.reason or "")
    hint = network_hints().get(reason_id, "")
    values = {"url": params["url"], "reason": reason, "hint": hint}
    if hint:
        return fill(tr("Cannot reach {url} ({reason}): {hint}"), values, exc.message)
    return fill(tr("Cannot reach {url} ({reason})"), values, exc.message)


def s3_error_text(exc: S3Error) -> str:
    """An S3 error in the user's language when core worded it (what was being done and the problem's sentence with
    its fix); otherwise its English text. The storage's own words inside stay as they came."""
    templates = s3_templates()
    inner = templates.get(getattr(exc, "key", ""))
    outer = templates.get(getattr(exc, "context", ""))
    if inner is None or outer is None:
        return worded_text(exc)
    text = fill(inner, _s3_params(exc.params), "")
    if not text:
        return str(exc)
    return fill(outer, {**exc.context_params, "text": text}, "") or str(exc)


def s3_check_text(check: BucketCheck) -> str:
    """A bucket or S3 keys check's sentence in the user's language (its English ``message`` when not worded here)."""
    template = s3_templates().get(check.key)
    if template is None:
        return check.message
    params = _s3_params(check.params)
    text = fill(template, params, "")
    if not text:
        return check.message
    if params.get("attempts"):
        text = fill(tr("{text} ({attempts} attempts)"), {"text": text, "attempts": params["attempts"]}, text)
    return text


def explanation_note(explanation: Explanation, scrub: Optional[Callable[[str], str]] = None) -> str:
    """Why the tile's files could not be checked ("" when they were): an S3 error core worded, in the user's
    language; other errors as core gave them."""
    if not explanation.note:
        return ""
    error = explanation.note_error
    if isinstance(error, S3Error) and error.key:
        return scrub(s3_error_text(error)) if scrub is not None else s3_error_text(error)
    return explanation.note


def worded_text(text: object) -> str:
    """A :class:`~byoc_qgis.core.worded.WordedText` or :class:`~byoc_qgis.core.worded.WordedError` (or an exception
    whose message core gave as a WordedText, e.g. an upload's S3Error) in the user's language; values that are worded
    texts too are worded first. Anything else as ``str()`` gives it."""
    worded = worded_of(text)
    if worded is None:
        return str(text)
    template = worded_texts().get(worded.key)
    if template is None:
        return str(text)
    ours = worded_values()
    values = {
        k: worded_text(v) if worded_of(v) is not None else ours.get(v, v) if isinstance(v, str) else v
        for k, v in worded.params.items()
    }
    return fill(template, values, str(text))


def worded_of(obj: object) -> Optional[Union[WordedText, WordedError]]:
    """What of ``obj`` core worded: the WordedText or WordedError itself, or an exception's WordedText message."""
    if isinstance(obj, (WordedText, WordedError)):
        return obj
    if isinstance(obj, BaseException) and len(obj.args) == 1 and isinstance(obj.args[0], WordedText):
        return obj.args[0]
    return None


def _s3_params(params: Mapping[str, str]) -> Dict[str, str]:
    """S3 wording values with our fallback reasons ("connection refused" ...) translated."""
    values = dict(params)
    for name in ("reason", "answer"):
        if name in values:
            values[name] = fallback_reasons().get(values[name], values[name])
    return values
