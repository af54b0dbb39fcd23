"""Build the shipped Model Builder examples in byoc_qgis/processing/models/.

* ``byoc_create_wait_process.model3``: create tiles from local rasters → wait for ingestion → Process request
  (false colour) to a raster;
* ``byoc_create_wait_batch.model3``: create tiles → wait for ingestion → batch task over the area (started) → wait
  for it → its results (VRT mosaics over /vsis3/ and the grid cells with their status).

Both chain the algorithms' outputs (collection id, the created-tiles table, the batch task id). Re-run after
changing algorithm parameters (no argument: both; or name one: ``process`` / ``batch``):
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/demo_model.py [process|batch]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODELS_DIR = REPO / "byoc_qgis" / "processing" / "models"
MODEL = MODELS_DIR / "byoc_create_wait_process.model3"
BATCH_MODEL = MODELS_DIR / "byoc_create_wait_batch.model3"


def _set_sources(child, sources) -> None:
    """Set the child's sources; mandatory parameters not given get their default value as a static source."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingDestinationParameter,
        QgsProcessingModelChildParameterSource,
        QgsProcessingParameterDefinition,
    )

    # setParameterSources() with a dict crashes PyQGIS 3.22 (sip map conversion): add them one by one
    for name, value in sources.items():
        child.addParameterSources(name, value)
    alg = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    for param in alg.parameterDefinitions():
        optional = param.flags() & QgsProcessingParameterDefinition.FlagOptional
        if param.name() in sources or optional or isinstance(param, QgsProcessingDestinationParameter):
            continue
        child.addParameterSources(
            param.name(), [QgsProcessingModelChildParameterSource.fromStaticValue(param.defaultValue())]
        )


def build():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterAuthConfig,
        QgsProcessingParameterBoolean,
        QgsProcessingParameterEnum,
        QgsProcessingParameterExtent,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("Create tiles, wait, process (example)", "BYOC examples", "byoc_examples")
    model.setHelpContent(
        {
            "ALG_DESC": "Turns a folder of band COGs into tiles of an existing collection, waits until they are "
            "ingested and renders a false-colour composite of EXTENT through the Process API. Built from the byoc "
            "algorithms: open it in the Model Builder to adapt it.",
        }
    )
    params = [
        QgsProcessingParameterString("COLLECTION", "Collection (id or name)"),
        QgsProcessingParameterFile(
            "FOLDER", "Folder of band files (one folder per tile)", QgsProcessingParameterFile.Folder
        ),
        QgsProcessingParameterString("PATH_TEMPLATE", "Tile path template", "{name}/(BAND).tif"),
        QgsProcessingParameterExtent("EXTENT", "Extent to process"),
        QgsProcessingParameterNumber(
            "RESOLUTION",
            "Resolution (units of the extent's CRS)",
            QgsProcessingParameterNumber.Double,
            0.001,
            False,
            0.0,
        ),
        QgsProcessingParameterString("BANDS", "False colour bands (nir,red,green)", "B08,B04,B03"),
        QgsProcessingParameterAuthConfig("AUTHCFG", "Sentinel Hub credentials", optional=True),
        QgsProcessingParameterEnum(
            "DEPLOYMENT",
            "Deployment",
            ["Sentinel Hub EU", "Sentinel Hub US West", "CDSE", "Custom base URL"],
            defaultValue=0,
        ),
        QgsProcessingParameterString("BASE_URL", "Custom base URL", optional=True),
        QgsProcessingParameterString("TOKEN_URL", "Custom token URL", optional=True),
        QgsProcessingParameterAuthConfig("S3_AUTHCFG", "S3 credentials", optional=True),
        QgsProcessingParameterString("S3_ENDPOINT", "S3 endpoint (empty: AWS)", optional=True),
        QgsProcessingParameterString("S3_REGION", "S3 region", optional=True),
        QgsProcessingParameterBoolean("S3_HTTPS", "S3 over HTTPS", True),
        QgsProcessingParameterBoolean("S3_PATH_STYLE", "S3 path-style addressing", False),
    ]
    for i, p in enumerate(params):
        model.addModelParameter(p, QgsProcessingModelParameter(p.name()))
        component = model.parameterComponent(p.name())
        component.setPosition(QPointF(120 + 220 * (i % 5), 60 + 70 * (i // 5)))

    def src(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def static(value):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(value)]

    def child_output(child, output):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child, output)]

    conn = {k: src(k) for k in ("AUTHCFG", "DEPLOYMENT", "BASE_URL", "TOKEN_URL")}
    s3 = {k: src(k) for k in ("S3_AUTHCFG", "S3_ENDPOINT", "S3_REGION", "S3_HTTPS", "S3_PATH_STYLE")}

    create = QgsProcessingModelChildAlgorithm("byoc:createtiles")
    create.setChildId("create_tiles")
    create.setDescription("Create tiles from local rasters")
    _set_sources(
        create,
        {
            "COLLECTION": src("COLLECTION"),
            "FOLDER": src("FOLDER"),
            "PATH_TEMPLATE": src("PATH_TEMPLATE"),
            "FAIL_ON_ERROR": static(True),
            **conn,
            **s3,
        },
    )
    create.setPosition(QPointF(300, 320))
    created = QgsProcessingModelOutput("CREATED", "Created tiles")
    created.setChildOutputName("OUTPUT")
    created.setChildId("create_tiles")
    create.setModelOutputs({"CREATED": created})
    model.addChildAlgorithm(create)

    wait = QgsProcessingModelChildAlgorithm("byoc:waitforingestion")
    wait.setChildId("wait")
    wait.setDescription("Wait for ingestion")
    _set_sources(
        wait,
        {
            "COLLECTION": child_output("create_tiles", "COLLECTION_ID"),
            "TILES": child_output("create_tiles", "OUTPUT"),
            "TIMEOUT": static(3600),
            "FAIL_ON_FAILED": static(True),
            **conn,
        },
    )
    wait.setPosition(QPointF(300, 440))
    model.addChildAlgorithm(wait)

    process = QgsProcessingModelChildAlgorithm("byoc:processrequest")
    process.setChildId("process")
    process.setDescription("Process request (false colour)")
    _set_sources(
        process,
        {
            "COLLECTION": child_output("wait", "COLLECTION_ID"),
            "EXTENT": src("EXTENT"),
            "RESOLUTION": src("RESOLUTION"),
            "PRESET": static(2),
            "BANDS": src("BANDS"),
            **conn,
        },
    )
    process.setPosition(QPointF(300, 560))
    result = QgsProcessingModelOutput("RESULT", "False colour")
    result.setChildOutputName("OUTPUT")
    result.setChildId("process")
    process.setModelOutputs({"RESULT": result})
    model.addChildAlgorithm(process)
    return model


def build_batch():
    """Create tiles → wait for ingestion → batch task over EXTENT (started) → wait for it → results."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterAuthConfig,
        QgsProcessingParameterBoolean,
        QgsProcessingParameterEnum,
        QgsProcessingParameterExtent,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("Create tiles, wait, batch (example)", "BYOC examples", "byoc_examples")
    model.setHelpContent(
        {
            "ALG_DESC": "Turns a folder of band COGs into tiles of an existing collection, waits until they are "
            "ingested, runs a Batch Processing task (false colour by default) over EXTENT on a tiling grid, "
            "delivered as COGs to OUT_BUCKET, waits until it is done and opens the result: one VRT mosaic per "
            "output and CRS over /vsis3/ (nothing downloaded) and the grid cells with their status. Built from the "
            "byoc algorithms: open it in the Model Builder to adapt it.",
        }
    )
    params = [
        QgsProcessingParameterString("COLLECTION", "Collection (id or name)"),
        QgsProcessingParameterFile(
            "FOLDER", "Folder of band files (one folder per tile)", QgsProcessingParameterFile.Folder
        ),
        QgsProcessingParameterString("PATH_TEMPLATE", "Tile path template", "{name}/(BAND).tif"),
        QgsProcessingParameterExtent("EXTENT", "Area to process"),
        QgsProcessingParameterEnum(
            "GRID",
            "Tiling grid",
            ["UTM 20 km", "UTM 10 km", "UTM 100 km", "WGS84 1 degree", "LAEA 100 km", "LAEA 20 km"],
            defaultValue=0,
        ),
        QgsProcessingParameterNumber(
            "RESOLUTION", "Resolution (grid units)", QgsProcessingParameterNumber.Double, 60.0, False, 0.0
        ),
        QgsProcessingParameterString("BANDS", "False colour bands (nir,red,green)", "B08,B04,B03"),
        QgsProcessingParameterString("OUT_BUCKET", "Delivery S3 bucket"),
        QgsProcessingParameterString(
            "OUT_PATH", "Path in the bucket", "batch/<requestId>/<tileName>/<outputId>.<format>"
        ),
        QgsProcessingParameterAuthConfig("AUTHCFG", "Sentinel Hub credentials", optional=True),
        QgsProcessingParameterEnum(
            "DEPLOYMENT",
            "Deployment",
            ["Sentinel Hub EU", "Sentinel Hub US West", "CDSE", "Custom base URL"],
            defaultValue=0,
        ),
        QgsProcessingParameterString("BASE_URL", "Custom base URL", optional=True),
        QgsProcessingParameterString("TOKEN_URL", "Custom token URL", optional=True),
        QgsProcessingParameterAuthConfig("S3_AUTHCFG", "S3 credentials", optional=True),
        QgsProcessingParameterString("S3_ENDPOINT", "S3 endpoint (empty: AWS)", optional=True),
        QgsProcessingParameterString("S3_REGION", "S3 region", optional=True),
        QgsProcessingParameterBoolean("S3_HTTPS", "S3 over HTTPS", True),
        QgsProcessingParameterBoolean("S3_PATH_STYLE", "S3 path-style addressing", False),
    ]
    for i, p in enumerate(params):
        model.addModelParameter(p, QgsProcessingModelParameter(p.name()))
        component = model.parameterComponent(p.name())
        component.setPosition(QPointF(120 + 220 * (i % 5), 60 + 70 * (i // 5)))

    def src(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def static(value):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(value)]

    def child_output(child, output):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child, output)]

    conn = {k: src(k) for k in ("AUTHCFG", "DEPLOYMENT", "BASE_URL", "TOKEN_URL")}
    s3 = {k: src(k) for k in ("S3_AUTHCFG", "S3_ENDPOINT", "S3_REGION", "S3_HTTPS", "S3_PATH_STYLE")}

    def add(child_id, alg_id, description, sources, y, outputs=()):
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)
        _set_sources(child, sources)
        child.setPosition(QPointF(300, y))
        found = {}
        for name, output_name, label in outputs:
            out = QgsProcessingModelOutput(name, label)
            out.setChildOutputName(output_name)
            out.setChildId(child_id)
            found[name] = out
        if found:
            child.setModelOutputs(found)
        model.addChildAlgorithm(child)

    add(
        "create_tiles",
        "byoc:createtiles",
        "Create tiles from local rasters",
        {"COLLECTION": src("COLLECTION"), "FOLDER": src("FOLDER"), "PATH_TEMPLATE": src("PATH_TEMPLATE"),
         "FAIL_ON_ERROR": static(True), **conn, **s3},
        360,
        [("CREATED", "OUTPUT", "Created tiles")],
    )  # fmt: skip
    add(
        "wait",
        "byoc:waitforingestion",
        "Wait for ingestion",
        {"COLLECTION": child_output("create_tiles", "COLLECTION_ID"), "TILES": child_output("create_tiles", "OUTPUT"),
         "TIMEOUT": static(3600), "FAIL_ON_FAILED": static(True), **conn},
        460,
    )  # fmt: skip
    add(
        "batch",
        "byoc:batchcreate",
        "Batch task over the area (started)",
        {"COLLECTION": child_output("wait", "COLLECTION_ID"), "EXTENT": src("EXTENT"), "GRID": src("GRID"),
         "RESOLUTION": src("RESOLUTION"), "PRESET": static(2), "BANDS": src("BANDS"), "BUCKET": src("OUT_BUCKET"),
         "PATH": src("OUT_PATH"), "COG": static(True), "START": static(True), **conn, **s3},
        560,
    )  # fmt: skip
    add(
        "batch_wait",
        "byoc:batchwait",
        "Wait for the batch task",
        {"TASK_ID": child_output("batch", "TASK_ID"), "FAIL_ON_FAILED": static(True), **conn},
        660,
    )  # fmt: skip
    add(
        "results",
        "byoc:batchresults",
        "Batch results (mosaics and cells)",
        {"TASK_ID": child_output("batch_wait", "TASK_ID"), **conn, **s3},
        760,
        [("MOSAICS", "FOLDER", "Folder of the VRT mosaics"), ("CELLS", "CELLS", "Grid cells")],
    )  # fmt: skip
    return model


def main(argv=None) -> int:
    from qgis.core import QgsApplication

    argv = sys.argv[1:] if argv is None else argv
    wanted = set(argv) or {"process", "batch"}
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, str(REPO))
    from byoc_qgis.processing.provider import ByocProvider

    provider = ByocProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    status = 0
    for name, path, builder in (("process", MODEL, build), ("batch", BATCH_MODEL, build_batch)):
        if name not in wanted:
            continue
        model = builder()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not model.toFile(str(path)):
            print(f"demo_model: cannot write {path}", file=sys.stderr)
            status = 1
            continue
        ok, errors = model.validate() if hasattr(model, "validate") else (True, [])
        print(f"demo_model: wrote {path} (valid: {ok} {errors or ''})")
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()
    return status


if __name__ == "__main__":
    sys.exit(main())
