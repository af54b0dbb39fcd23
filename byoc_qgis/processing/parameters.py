"""Parameter helpers shared by the algorithms: the advanced flag, and the evalscript parameters (PRESET, BANDS,
SCALE, EVALSCRIPT, EVALSCRIPT_FILE) of ``processrequest`` and ``batchcreate`` read into one script.

Enums are written scoped (``QgsProcessingParameterNumber.Type.Double``): the spelling QGIS 3.22's sip, 3.40 and
Qt6 builds all accept.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import evalscripts
from ..core.models import Collection
from ..translation import tr

__all__ = ["advanced", "PRESETS", "add_evalscript_parameters", "evalscript_from_parameters"]

#: the PRESET enum: a custom script, then the core's named templates
PRESETS = ("custom", *evalscripts.TEMPLATES)


def advanced(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """``param`` with the advanced flag set (shown under "Advanced parameters")."""
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return param


def _preset_labels() -> list:
    labels = {
        "custom": tr("Custom (the evalscript below, or its file)"),
        "true": tr("True colour (BANDS = red,green,blue)"),
        "false": tr("False colour (BANDS = nir,red,green)"),
        "ndi": tr("Normalized difference (BANDS = a,b)"),
        "single": tr("Single band (BANDS = name)"),
        "all": tr("All bands"),
    }
    return [labels[key] for key in PRESETS]


def add_evalscript_parameters(alg) -> None:
    """Add PRESET, BANDS, SCALE, EVALSCRIPT and EVALSCRIPT_FILE (read with :func:`evalscript_from_parameters`)."""
    alg.addParameter(QgsProcessingParameterEnum("PRESET", tr("Evalscript"), options=_preset_labels(), defaultValue=0))
    alg.addParameter(QgsProcessingParameterString("BANDS", tr("Bands for the generated evalscript"), optional=True))
    alg.addParameter(
        QgsProcessingParameterNumber(
            "SCALE",
            tr("Scale for colour composites (value × scale = 0..1)"),
            QgsProcessingParameterNumber.Type.Double,
            evalscripts.REFLECTANCE_SCALE,
            False,
            0.0,
        )
    )
    alg.addParameter(
        QgsProcessingParameterString("EVALSCRIPT", tr("Evalscript (custom)"), multiLine=True, optional=True)
    )
    alg.addParameter(
        QgsProcessingParameterFile(
            "EVALSCRIPT_FILE",
            tr("…or evalscript file"),
            QgsProcessingParameterFile.Behavior.File,
            "js",
            optional=True,
        )
    )


def _custom_script(alg, parameters, context) -> str:
    text = alg.parameterAsString(parameters, "EVALSCRIPT", context) or ""
    if text.strip():
        return text
    path = alg.parameterAsFile(parameters, "EVALSCRIPT_FILE", context)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise QgsProcessingException(tr("EVALSCRIPT_FILE {}: {}").format(path, exc)) from None
    raise QgsProcessingException(tr("Give an EVALSCRIPT or EVALSCRIPT_FILE, or choose a generated evalscript"))


def evalscript_from_parameters(alg, parameters, context, collection: Collection, fmt: str = "tif") -> str:
    """The evalscript the parameters ask for: the custom text or file as written, or the core's template
    (:func:`~byoc_qgis.core.evalscripts.template_script`) for output format ``fmt`` ("tif", "png", "jpg")."""
    preset = PRESETS[alg.parameterAsEnum(parameters, "PRESET", context)]
    if preset == "custom":
        return _custom_script(alg, parameters, context)
    if not collection.bands:
        raise QgsProcessingException(
            tr("Collection {} has no bands yet (no tile ingested): give a custom EVALSCRIPT").format(collection.name)
        )
    names = [b.strip() for b in (alg.parameterAsString(parameters, "BANDS", context) or "").split(",") if b]
    need = evalscripts.TEMPLATE_BAND_COUNTS[preset]
    if need and len(names) != need:
        raise QgsProcessingException(
            tr("This evalscript needs {} band names in BANDS; the collection has: {}").format(
                need, ", ".join(collection.bands)
            )
        )
    scale = alg.parameterAsDouble(parameters, "SCALE", context) or None
    try:
        return evalscripts.template_script(collection, preset, names, fmt, scale=scale)
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None
