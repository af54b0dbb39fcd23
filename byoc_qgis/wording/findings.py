"""Pre-flight findings, their fixes and explained ingestion failures in the user's language."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Callable, Dict, Optional, Sequence

from ..core.cog_rules import Finding
from ..core.explain import Explanation
from ..translation import tr
from .tables import fill, finding_templates, unreadable_texts


def finding_message(finding: Finding) -> str:
    """The finding's sentence in the user's language (core's English ``message`` when it has no wording id)."""
    templates = finding_templates().get(finding.key)
    if templates is None:
        return finding.message
    return fill(templates[0], _finding_params(finding), finding.message)


def finding_fix(finding: Finding) -> str:
    """How to fix the finding, in the user's language (core's English ``fix`` when it has no wording id)."""
    templates = finding_templates().get(finding.key)
    if templates is None:
        return finding.fix
    return fill(templates[1], _finding_params(finding), finding.fix)


def worded_finding(finding: Dict[str, Any]) -> Dict[str, Any]:
    """A finding as a dict (``core.tile_plan.check_s3_prefix``: severity, file, rule, message, fix, key, params)
    with ``message`` and ``fix`` in the user's language."""
    f = Finding(
        finding.get("severity", ""),
        finding.get("file", ""),
        finding.get("rule", ""),
        "",
        finding.get("message", ""),
        finding.get("fix", ""),
        finding.get("key", ""),
        finding.get("params") or {},
    )
    return {**finding, "message": finding_message(f), "fix": finding_fix(f)}


def severity_label(severity: str) -> str:
    """ "error"/"warning" as the user reads it."""
    return {"error": tr("error"), "warning": tr("warning")}.get(severity, severity)


def finding_text(finding: Finding) -> str:
    """The whole finding on one line, as ``str(finding)`` but in the user's language (for logs and feedback)."""
    where = f"{finding.file}: " if finding.file else ""
    return tr("{severity} [{rule}] {where}{message} (found: {value}) Fix: {fix}").format(
        severity=severity_label(finding.severity).upper(),
        rule=finding.rule,
        where=where,
        message=finding_message(finding),
        value=finding.value,
        fix=finding_fix(finding),
    )


def preflight_failure_text(findings: Sequence[Finding], scrub: Optional[Callable[[str], str]] = None) -> str:
    """Why the pipeline stopped a tile (``TileOutcome.findings``: its pre-flight errors, one per file and rule), in
    the user's language: the same sentence as core's English ``TileOutcome.message``."""
    parts = [
        f"{PurePath(f.file).name or tr('tile')}: {finding_message(f)} {finding_fix(f)}".strip() for f in findings[:5]
    ]
    text = tr("pre-flight check failed: {}").format("; ".join(parts))
    if len(findings) > 5:
        text += tr(" (+{} more)").format(len(findings) - 5)
    return scrub(text) if scrub is not None else text


def explanation_cause(explanation: Explanation) -> str:
    """The failure's cause: the service's own text as it sent it, or (no cause given) the matching finding."""
    if explanation.finding is not None and explanation.cause == explanation.finding.message:
        return finding_message(explanation.finding)
    return explanation.cause


def explanation_fix(explanation: Explanation, scrub=None) -> str:
    """How to fix an explained failure: the fix of the finding found by checking the tile's files, in the user's
    language (``scrub`` removes secrets from it, as core did for the English text), else the explanation's fix
    (the caller's translated general fix for the rule)."""
    if explanation.finding is None:
        return explanation.fix
    text = finding_fix(explanation.finding)
    return scrub(text) if scrub is not None else text


def _finding_params(finding: Finding) -> Dict[str, str]:
    params = dict(finding.params)
    reason_id = params.get("reason_id")
    if reason_id:
        reason, fix = unreadable_texts().get(reason_id, (params.get("reason", ""), params.get("fix", "")))
        if not params.get("reason_is_storage"):
            params["reason"] = reason
        params["fix"] = fix
    return params
