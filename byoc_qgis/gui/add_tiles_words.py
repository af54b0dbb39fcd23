"""What the Add tiles dialog says: planned-tile problems (core.tile_plan codes) worded through ``tr()``, texts from
the algorithms and the pre-flight check put in the words of the dialog (its field labels instead of Processing
parameter ids, no bucket hints for local files), and the help under the path template."""

from __future__ import annotations

import re
from typing import Dict, Optional

from ..core import tile_plan
from ..core.path_templates import PathTemplateError, format_sensing_time
from ..translation import tr, tr_n
from ..wording import worded_text

__all__ = ["problem_text", "user_words", "template_help", "template_example"]


def _labels() -> Dict[str, str]:
    """Processing parameter id -> the dialog's label for it."""
    return {
        "INPUT": tr("Files"),
        "FOLDER": tr("Folder"),
        "FILE_PATTERN": tr("Band file pattern"),
        "BAND_NAMES": tr("Bands of multi-band files"),
        "PATH_TEMPLATE": tr("Tile path template"),
        "SENSING_TIME_MODE": tr("Sensing time"),
        "SENSING_TIME_TEMPLATE": tr("Date pattern"),
        "SENSING_TIME": tr("Sensing time for all"),
        "PREFIX": tr("S3 prefix"),
        "COGIFY": tr("COGify"),
        "COVER": tr("Cover geometry"),
        "OVERWRITE": tr("Replace S3 objects"),
        "FAIL_ON_ERROR": tr("Fail on error"),
    }


_IDS = re.compile(
    r"\b(SENSING_TIME_TEMPLATE|SENSING_TIME_MODE|SENSING_TIME|FILE_PATTERN|BAND_NAMES|PATH_TEMPLATE|"
    r"INPUT|FOLDER|PREFIX|COGIFY|COVER|OVERWRITE|FAIL_ON_ERROR)\b"
)
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_BUCKET = re.compile(r"\b(bucket|S3|s3://|/vsis3/)", re.IGNORECASE)


def user_words(text: Optional[str], local: bool = False) -> str:
    """``text`` with the dialog's field labels for Processing parameter ids (INPUT, FOLDER, …); for ``local`` files
    the sentences about buckets and S3 are left out (they concern files already in a bucket)."""
    if not text:
        return ""
    labels = _labels()
    out = _IDS.sub(lambda m: f"'{labels[m.group(1)]}'", str(text))
    if local:
        kept = [s for s in _SENTENCE.split(out) if not _BUCKET.search(s)]
        out = " ".join(kept)
    return out.strip()


def _rule_words() -> Dict[str, str]:
    """What a pre-flight rule that COGify cannot repair means, in a few words."""
    return {
        "readable": tr("cannot be read as a raster"),
        "georeferencing": tr("has no georeferencing"),
        "crs": tr("its CRS is not one BYOC accepts"),
        "bounds": tr("extends beyond the valid degrees"),
        "data-type": tr("its data type is not supported"),
        "band-count": tr("has a band count BYOC does not accept"),
        "file-set": tr("its band files do not match the other tiles'"),
        "bit-depth": tr("its bit depth differs from the collection's bands"),
        "sample-format": tr("its sample format differs from the collection's bands"),
        "file-pattern": tr("does not match the band file pattern"),
    }


def problem_text(problem: Optional[tile_plan.Problem]) -> str:
    """Why a planned tile (or the whole upload) will fail, with the fix, in the dialog's words ("" for None)."""
    if problem is None:
        return ""
    code, value, detail = problem.code, problem.value, problem.detail
    if code == tile_plan.NO_DATE:
        if detail:
            return tr("No date matching {} in '{}': change the date pattern, or choose one time for all.").format(
                detail, value
            )
        return tr(
            "No date (YYYYMMDD or YYYY-MM-DD) in '{}': give a date pattern such as %Y%m%d, or choose one time for all."
        ).format(value)
    if code == tile_plan.NO_TIME:
        return tr("No sensing time given: set the time for all tiles.")
    if code == tile_plan.BAD_PATTERN:
        return tr("The date pattern '{}' cannot be used: {}").format(value, user_words(_detail(problem)))
    if code == tile_plan.BAD_PATH:
        return tr("The tile path template gives no valid path: {}").format(user_words(_detail(problem)))
    if code == tile_plan.NO_BAND:
        return tr("The tile path template must contain (BAND) once, e.g. {name}/(BAND).tif.")
    if code == tile_plan.SAME_PATH:
        return tr("Same path as tile {} ({}): add {{name}} or the date to the tile path template.").format(
            detail, value
        )
    if code == tile_plan.CHECK_ERROR:
        what = _rule_words().get(value, tr("an error COGify cannot repair ({})").format(value))
        name = detail.replace("\\", "/").rsplit("/", 1)[-1] if detail else tr("the tile")
        return tr("{}: {}; see the findings.").format(name, what)
    if code == tile_plan.UNMATCHED:
        if problem.count:
            return tr_n(
                "%n file does not match the band file pattern {}, e.g. {}: rename it or change the pattern.",
                "%n files do not match the band file pattern {}, e.g. {}: rename them or change the pattern.",
                problem.count,
            ).format(detail, value)
        return tr("The band file pattern cannot be used: {}").format(user_words(_detail(problem)))
    if code == tile_plan.OUTSIDE:
        return tr("{} is not inside {}: choose a folder that holds every file.").format(value, detail)
    if code == tile_plan.NO_FILES:
        return tr("No raster found in the chosen input.")
    return code


def _detail(problem: tile_plan.Problem) -> str:
    """The problem's detail in the user's language when core worded it (a path template or date pattern error)."""
    return worded_text(problem.error) if problem.error is not None else problem.detail


def template_help() -> str:
    """The fields a tile path template may use, in one line (the path template's tooltip has it too)."""
    return tr(
        "{name} = the tile's folder, {tile} = its last part; {year} {month} {day} {hour} {minute} {second} {doy} "
        "{date} {datetime} = from the sensing time; (BAND) = the band."
    )


def template_example(template: str) -> str:
    """One example of what ``template`` gives, or why it gives no valid path."""
    try:
        path = tile_plan.example_path(template)
    except PathTemplateError as exc:
        return tr("This template gives no valid path: {}").format(user_words(worded_text(exc)))
    when = format_sensing_time(tile_plan.EXAMPLE_TIME).replace("T", " ").rstrip("Z")
    return tr("e.g. folder {} sensed {}, band {} → {}").format(
        tile_plan.EXAMPLE_NAME, when, tile_plan.EXAMPLE_BAND, path
    )
