"""Background ingestion: tiles go WAITING → QUEUED → INGESTING → INGESTED | FAILED.

A scheduler thread performs the timed state changes (each state lasts at least ``state_delay`` so clients can see
it); a bounded pool of worker threads checks the tile's files through ``/vsis3/`` with the plugin's own rule module
(:mod:`byoc_qgis.core.cog_rules`, one source of truth) and computes geometries and metadata. Every write carries
the tile's ingestion generation, so a reingest, path change or deletion in the meantime wins over a stale result.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
import time
import traceback
from typing import Any, Callable, Dict, List, Optional, Tuple

from byoc_qgis.core import cog_rules

from .geometry import bbox_polygon, degrees_to_meters, parse_cover, reproject, to_geojson, wgs84_bbox
from .s3 import S3Access
from .store import Store

log = logging.getLogger("localhub.ingestion")
UNEXPECTED_CAUSE = "Failed to ingested due to following errors.Unexpected error occurred while ingesting the tile."
TIFF_EXTENSIONS = (".tif", ".tiff")


def _failed(cause: str) -> Dict[str, Any]:
    return {"status": "FAILED", "additionalData": {"failedIngestionCause": cause}}


class IngestionEngine:
    """Moves tiles through the ingestion states in background threads."""

    def __init__(
        self,
        store: Store,
        s3: S3Access,
        workers: int = 2,
        state_delay: float = 0.5,
        metadata_delay: float = 0.5,
    ) -> None:
        self.store = store
        self.s3 = s3
        self.workers = max(0, int(workers))
        self.state_delay = max(0.0, float(state_delay))
        self.metadata_delay = max(0.0, float(metadata_delay))
        self._heap: List[Tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._work: queue.Queue[Optional[Tuple[str, int]]] = queue.Queue()
        self._threads: List[threading.Thread] = []
        self._stopping = False
        self._pending_metadata: set = set()
        self._collection_locks: Dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------------------------
    def start(self) -> int:
        """Start the threads and resume tiles that were mid-ingestion; return how many were resumed."""
        resumed = self.store.in_flight_tiles()
        self._threads.append(threading.Thread(target=self._scheduler, name="localhub-scheduler", daemon=True))
        for i in range(self.workers):
            self._threads.append(threading.Thread(target=self._worker, name=f"localhub-ingest-{i}", daemon=True))
        for thread in self._threads:
            thread.start()
        for tile_id, gen in resumed:
            self.submit(tile_id, gen)
        return len(resumed)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the threads (tiles in flight stay in their state and resume on the next start)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        for _ in range(self.workers):
            self._work.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads.clear()

    # -- scheduling --------------------------------------------------------------------------------------------
    def _at(self, when: float, action: Callable[[], None]) -> None:
        with self._cond:
            heapq.heappush(self._heap, (when, next(self._seq), action))
            self._cond.notify()

    def submit(self, tile_id: str, gen: int) -> None:
        """A tile entered WAITING (created, reingested or resumed): queue it after ``state_delay``."""
        self._at(time.monotonic() + self.state_delay, lambda: self._enqueue(tile_id, gen))

    def schedule_metadata(self, collection_id: str) -> None:
        """Mark the collection's metadata stale and recompute it after ``metadata_delay`` (coalesced)."""
        self.store.mark_metadata_stale(collection_id)
        with self._cond:
            if collection_id in self._pending_metadata:
                return
            self._pending_metadata.add(collection_id)
        self._at(time.monotonic() + self.metadata_delay, lambda: self._refresh_metadata(collection_id))

    def _refresh_metadata(self, collection_id: str) -> None:
        with self._cond:
            self._pending_metadata.discard(collection_id)
        self.store.refresh_collection_metadata(collection_id)

    def _enqueue(self, tile_id: str, gen: int) -> None:
        if self.store.transition(tile_id, gen, "WAITING", "QUEUED"):
            # stays QUEUED for state_delay, then a worker may take it
            self._at(time.monotonic() + self.state_delay, lambda: self._work.put((tile_id, gen)))

    def _scheduler(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and (not self._heap or self._heap[0][0] > time.monotonic()):
                    timeout = None if not self._heap else max(0.0, self._heap[0][0] - time.monotonic())
                    self._cond.wait(timeout)
                if self._stopping:
                    return
                _, _, action = heapq.heappop(self._heap)
            try:
                action()
            except Exception:  # noqa: BLE001 - the scheduler must survive any single failure
                log.error("localhub: scheduled action failed:\n%s", traceback.format_exc())

    def _worker(self) -> None:
        while True:
            item = self._work.get()
            if item is None or self._stopping:
                return
            tile_id, gen = item
            if not self.store.transition(tile_id, gen, "QUEUED", "INGESTING"):
                continue
            started = time.monotonic()
            try:
                result = self.ingest(tile_id)
            except Exception:  # noqa: BLE001 - any bug ends as a FAILED tile with the service's generic cause
                log.error("localhub: ingestion of tile %s crashed:\n%s", tile_id, traceback.format_exc())
                result = _failed(UNEXPECTED_CAUSE)
            self._at(
                max(time.monotonic(), started + self.state_delay),
                lambda t=tile_id, g=gen, r=result: self._finish(t, g, r),
            )

    def _finish(self, tile_id: str, gen: int, result: Dict[str, Any]) -> None:
        collection_id = self.store.finish_tile(tile_id, gen, result)
        if collection_id is not None:
            self.schedule_metadata(collection_id)

    def _collection_lock(self, collection_id: str) -> threading.Lock:
        with self._locks_lock:
            return self._collection_locks.setdefault(collection_id, threading.Lock())

    # -- the ingestion itself ----------------------------------------------------------------------------------
    def ingest(self, tile_id: str) -> Dict[str, Any]:
        """Check a tile's files and compute what ingestion writes (status, geometries, additionalData, path)."""
        tile = self.store.tile_internal(tile_id)
        if tile is None:
            return _failed("The tile was deleted during ingestion.")
        collection = self.store.collection_internal(tile["collection_id"])
        if collection is None:
            return _failed("The collection was deleted during ingestion.")
        bucket = collection["s3Bucket"]
        if not self.s3.bucket_exists(bucket):
            return _failed(
                f"Bucket '{bucket}' does not exist or cannot be read. Create the bucket (or correct the "
                "collection's s3Bucket), grant read access, then reingest the tile."
            )
        bands = collection["bands"]
        files, new_path, error = self._resolve_files(bucket, tile["path"], bands)
        if error:
            return _failed(error)
        paths = {stem: self.s3.vsi_path(bucket, key) for stem, key in files.items()}
        if bands:
            facts, findings = cog_rules.check_tile(paths, bands)
            errors = [f for f in findings if f.is_error]
        else:
            with self._collection_lock(collection["id"]):
                bands = (self.store.collection_internal(collection["id"]) or {}).get("bands") or {}
                facts, findings = cog_rules.check_tile(paths, bands or None)
                errors = [f for f in findings if f.is_error]
                if not errors and not bands:
                    self._configure_collection(collection["id"], facts)
        if errors:
            return _failed(_join_messages(errors))
        if bands and any("bitDepth" not in b or "sampleFormat" not in b for b in bands.values()):
            self._fill_band_types(collection["id"], facts)
        warnings = [f for f in findings if not f.is_error]
        return self._success(bucket, files, facts, tile, new_path, warnings)

    def _resolve_files(
        self, bucket: str, path: str, bands: Dict[str, Dict[str, Any]]
    ) -> Tuple[Dict[str, str], Optional[str], Optional[str]]:
        """({stem: key}, rewritten path or None, error message or None) for a tile path."""
        if "(BAND)" in path:
            head, tail = path.split("(BAND)", 1)
            folder = head.rpartition("/")[0]
            self.s3.clear_cache(bucket, folder)
            if bands:
                sources = list(dict.fromkeys(b.get("source") or n for n, b in bands.items()))
                return {s: path.replace("(BAND)", s) for s in sources}, None, None
            if "/" in tail or "(BAND)" in tail:
                return (
                    {},
                    None,
                    (f"Tile path '{path}' must have (BAND) in its last part only, e.g. 'folder/(BAND).tiff'."),
                )
            prefix = head[len(folder) + 1 :] if folder else head
            names = self.s3.list_dir(bucket, folder) or []
            found = {
                name[len(prefix) : len(name) - len(tail)]: (f"{folder}/{name}" if folder else name)
                for name in names
                if name.startswith(prefix) and name.endswith(tail) and len(name) > len(prefix) + len(tail)
            }
            if not found:
                return (
                    {},
                    None,
                    (
                        f"No files match s3://{bucket}/{path} with (BAND) replaced by a band name. Upload the band "
                        "files, or correct the tile path, then reingest the tile."
                    ),
                )
            return found, None, None
        self.s3.clear_cache(bucket, path)
        names = self.s3.list_dir(bucket, path) or []
        tiffs = [n for n in names if n.lower().endswith(TIFF_EXTENSIONS)]
        if not tiffs:
            return (
                {},
                None,
                (
                    f"No .tif or .tiff files found in s3://{bucket}/{path}/. Upload the band files there, or give the "
                    "tile path with the (BAND) placeholder, e.g. 'folder/(BAND).tiff'."
                ),
            )
        exts = sorted({n.rsplit(".", 1)[1] for n in tiffs})
        if bands and len(exts) == 1:
            sources = list(dict.fromkeys(b.get("source") or n for n, b in bands.items()))
            files = {s: f"{path}/{s}.{exts[0]}" for s in sources}
        else:
            files = {n.rsplit(".", 1)[0]: f"{path}/{n}" for n in tiffs}
        return files, f"{path}/(BAND).{exts[0]}", None

    def _configure_collection(self, collection_id: str, facts: Dict[str, Any]) -> None:
        """First ingest: bands from the files; a no-data value shared by all files becomes the collection's."""
        bands = cog_rules.bands_from_facts(facts)
        no_data = cog_rules.collection_nodata(facts)
        if no_data is not None:
            for band in bands.values():
                band.pop("noData", None)
        self.store.set_collection_bands(collection_id, bands, no_data)

    def _fill_band_types(self, collection_id: str, facts: Dict[str, Any]) -> None:
        """Bands created without bitDepth/sampleFormat get them from the first ingested files."""
        with self._collection_lock(collection_id):
            bands = (self.store.collection_internal(collection_id) or {}).get("bands") or {}
            changed = False
            for name, band in bands.items():
                f = facts.get(band.get("source") or name)
                if f is None:
                    continue
                if "bitDepth" not in band:
                    band["bitDepth"] = f.bit_depth
                    changed = True
                if "sampleFormat" not in band:
                    band["sampleFormat"] = f.sample_format
                    changed = True
            if changed:
                self.store.set_collection_bands(collection_id, bands, None, only_if_empty=False)

    def _success(
        self,
        bucket: str,
        files: Dict[str, str],
        facts: Dict[str, Any],
        tile: Dict[str, Any],
        new_path: Optional[str],
        warnings: List[Any],
    ) -> Dict[str, Any]:
        epsg = int(next(iter(facts.values())).epsg)
        boxes = [f.bounds for f in facts.values()]
        union = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
        inter = (
            max(b[0] for b in boxes),
            max(b[1] for b in boxes),
            min(b[2] for b in boxes),
            min(b[3] for b in boxes),
        )
        if tile.get("cover_given"):
            geom, src = parse_cover(tile["cover_given"])
            cover = reproject(reproject(geom, src, 4326), 4326, epsg)  # stored in CRS84, returned in the tile CRS
        else:
            cover = bbox_polygon(inter)
        lonlat = wgs84_bbox(cover, epsg)

        def meters(value: float) -> float:
            return degrees_to_meters(value) if epsg == 4326 else value

        finest, coarsest, limit_levels = [], [], []
        for f in facts.values():
            res = meters(f.pixel_size[0])
            levels = [(f.width, f.height)] + [tuple(o) for o in (f.overviews or [])]
            finest.append(res)
            coarsest.append(res * f.width / levels[-1][0])
            usable = [lv for lv in levels if max(lv) >= 256] or levels[:1]
            limit_levels.append(res * f.width / usable[-1][0])
        additional: Dict[str, Any] = {
            "minMetersPerPixel": min(finest),
            "maxMetersPerPixel": max(coarsest),
            "filesMetadata": {
                stem: {"headerSize": int(facts[stem].header_size), "etag": self.s3.etag(bucket, key)}
                for stem, key in files.items()
                if stem in facts
            },
        }
        if warnings:
            additional["warnings"] = _join_messages(warnings)
        return {
            "status": "INGESTED",
            "path": new_path,
            "tileGeometry": to_geojson(bbox_polygon(union), epsg),
            "coverGeometry": to_geojson(cover, epsg),
            "additionalData": additional,
            "epsg": epsg,
            "coarseMpp": max(limit_levels),
            "wgs84Bbox": list(lonlat),
        }


def _join_messages(findings: List[Any]) -> str:
    messages = list(dict.fromkeys(f.message for f in findings))
    return " ".join(messages)
