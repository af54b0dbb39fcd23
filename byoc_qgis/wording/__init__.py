"""What core reports, worded in the user's language: pre-flight findings and their fixes, ingestion failure
explanations, tile outcomes, the cover summary, network failures and the S3 problems we word ourselves.

Core keeps a stable wording id and the values each sentence needs (``Finding.key``/``params``,
``BucketCheck.key``/``params``, ``S3Error.key``/``context``, ``NetworkError.params``, ``TileResult.key``/``params``,
``core.worded.WordedError``/``WordedText`` ``key``/``params`` ...) and fills its English templates
(``core.cog_rules.templates.FINDING_TEMPLATES``, ``core.s3_errors.S3_TEMPLATES``, ``core.gdal_compat.UNREADABLE_TEXTS``,
``core.network_errors.NETWORK_REASONS``, ``core.worded.WORDED_TEXTS`` ...) for logs, localhub and ``str(finding)``.
:mod:`.tables` holds the same English texts as ``tr()`` literals (so ``make translations-update``
extracts them; ``tests/test_wording.py`` checks both sides have the same ids and texts); :mod:`.findings`,
:mod:`.errors` and :mod:`.results` format the translated template with the same values. Text that comes from the
service or from GDAL/curl (a failure cause, a storage answer) stays as it came. A translation whose placeholders do
not fit falls back to core's English sentence.
"""

from .errors import (
    describe_error,
    explanation_note,
    network_error_text,
    s3_check_text,
    s3_error_text,
    worded_of,
    worded_text,
)
from .findings import (
    explanation_cause,
    explanation_fix,
    finding_fix,
    finding_message,
    finding_text,
    preflight_failure_text,
    severity_label,
    worded_finding,
)
from .results import cover_summary, outcome_text, tile_result_text

__all__ = [
    "cover_summary",
    "describe_error",
    "explanation_cause",
    "explanation_fix",
    "explanation_note",
    "finding_fix",
    "finding_message",
    "finding_text",
    "network_error_text",
    "outcome_text",
    "preflight_failure_text",
    "s3_check_text",
    "s3_error_text",
    "severity_label",
    "tile_result_text",
    "worded_finding",
    "worded_of",
    "worded_text",
]
