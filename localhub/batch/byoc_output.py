"""``createCollection``/``collectionId``: the BYOC collection a batch task's COGs go into (created on first use),
its bands from the evalscript's outputs, and one tile registered and ingested per delivered cell."""

from __future__ import annotations

from typing import Any, Dict, Optional

from byoc_qgis.core.batch_paths import expand_template

from ..store import DuplicatePath
from .delivery import Delivery
from .store import BatchStore, Cell, Task
from .validate import response_formats

_SAMPLE_TYPES = {
    "AUTO": (8, "UINT"),
    "UINT8": (8, "UINT"),
    "INT8": (8, "INT"),
    "UINT16": (16, "UINT"),
    "INT16": (16, "INT"),
    "FLOAT32": (32, "FLOAT"),
}


def target_collection(store: BatchStore, hub: Any, task: Task) -> Optional[str]:
    """The BYOC collection the outputs go into (created on first use for ``createCollection``), or None."""
    output = task.request["output"]
    if output.get("collectionId"):
        return str(output["collectionId"])
    if not output.get("createCollection"):
        return None
    bands = collection_bands(task)
    bucket = task.request["output"]["delivery"]["s3"]["url"][5:].split("/", 1)[0]
    name = str(task.request.get("description") or f"Batch {task.id}")[:200]
    created = hub.create_collection(task.account_id, name, bucket, bands, None, None)

    def remember(current: Task) -> Dict[str, Any]:
        request = dict(current.request)
        request["output"] = dict(request["output"], collectionId=created["id"])
        return {"request": request}

    store.update(task.id, remember)
    task.request["output"]["collectionId"] = created["id"]
    return str(created["id"])


def collection_bands(task: Task) -> Dict[str, Dict[str, Any]]:
    """Bands of the new collection: output ``x`` with n bands gives ``x``, ``x2``, … ``xn`` (batch-api.md §2)."""
    outputs = task.internal.get("outputs") or {}
    bands: Dict[str, Dict[str, Any]] = {}
    for oid, mime in response_formats(task.request["processRequest"]).items():
        if mime != "image/tiff":
            continue
        spec = outputs.get(oid) or {"bands": 1, "sampleType": "AUTO"}
        bits, fmt = _SAMPLE_TYPES.get(str(spec.get("sampleType") or "AUTO"), (8, "UINT"))
        for index in range(1, int(spec.get("bands") or 1) + 1):
            name = oid if index == 1 else f"{oid}{index}"
            bands[name] = {"source": oid, "bandIndex": index, "bitDepth": bits, "sampleFormat": fmt}
    return bands


def register_tile(
    store: BatchStore,
    hub: Any,
    engine: Any,
    task: Task,
    cell: Cell,
    template: str,
    delivery: Delivery,
    collection_id: str,
) -> None:
    """Register the cell's files as a tile of ``collection_id`` and have the ingestion engine ingest it (again, for
    a resumed or repeated cell)."""
    path = delivery.key(expand_template(template, task.id, cell.name, "(BAND)", "tif", tile_id=cell.id))
    try:
        tile = hub.create_tile(collection_id, path, None, None)
        engine.submit(tile["id"], 0)
    except DuplicatePath:  # a resumed or repeated cell: ingest the new bytes again
        found, _ = hub.list_tiles(collection_id, 0, 1, path=path)
        if found and hub.reingest_tile(collection_id, found[0]["id"]):
            row = hub.tile_internal(found[0]["id"]) or {}
            engine.submit(found[0]["id"], int(row.get("gen") or 0))
    store.mark_registered(task.id, cell.id)
