"""Create tiles: pre-flight → COGify when needed → trace cover → upload → register, in parallel and resumable.

Plain Python over core (no QGIS imports), so the dock and scripts can use it too. Guarantees:

* **Resumable**: tile paths already registered in the collection are skipped (their ids are reported), and band
  files already in S3 with the same content (MD5/ETag, see :mod:`.s3_upload`) are not uploaded again.
* **No registered tile without its verified files**: a tile is registered only after every band file was uploaded
  and its content verified; cancelling stops before registration.
* **S3 data is never deleted or replaced silently**: an object that exists with other content is left alone and the
  tile fails, unless ``overwrite`` is set; an existence check that fails is retried and then reported, never taken
  for "absent".
* **Checked against the collection**: with ``collection_bands`` the pre-flight checks each tile's files against the
  collection's configured bands (file names, band count, bit depth, sample format) before anything is uploaded.

Files already in the bucket (``PipelineOptions.s3_sources``, the ``createtilesfroms3`` algorithm) go through the
same run: skip what is registered, trace the cover from the COGs through /vsis3/, register; nothing is uploaded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Dict, List, Optional

from . import cog_rules
from .byoc import ByocClient
from .cogify import LAYOUT_MULTIBAND, LAYOUT_PER_BAND, CogifyOptions, cogify
from .cover import trace_cover
from .errors import CancelledError, NetworkError, SentinelHubError
from .models import Tile
from .progress import Cancelled, Progress
from .s3 import S3Config, S3Error, bucket_options, vsis3_path
from .s3_upload import ensure_object
from .worded import WordedError, WordedText

__all__ = [
    "TileJob",
    "TileOutcome",
    "PreflightFailed",
    "preflight_errors",
    "PipelineOptions",
    "run_pipeline",
    "registered_paths",
    "REGISTERED",
    "EXISTS",
    "FAILED",
    "CANCELLED",
]

REGISTERED = "REGISTERED"
EXISTS = "ALREADY_REGISTERED"
FAILED = "FAILED"
CANCELLED = "CANCELLED"


@dataclass
class TileJob:
    """One tile to create: band stem → local file (or one multi-band file split into ``split_bands``); with
    ``PipelineOptions.s3_sources`` band stem → key in the collection's bucket."""

    name: str
    files: Dict[str, str]
    path: str
    sensing_time: Optional[datetime] = None
    split_bands: Optional[List[str]] = None


@dataclass
class TileOutcome:
    """What became of one tile. ``findings``: when the pre-flight check stopped it, the errors that ``message``
    words in English (so the layers above core can word them in the user's language)."""

    job: TileJob
    status: str
    tile_id: Optional[str] = None
    message: str = ""
    findings: List[cog_rules.Finding] = field(default_factory=list)
    key: str = ""  # the id of ``message``'s wording in OUTCOME_TEXTS ("" when the message is not ours)
    error: Optional[BaseException] = field(default=None, repr=False)  # the S3/network/worded error of ``message``


#: the English wording of the outcomes' own messages, by stable id; ``byoc_qgis.wording`` keeps the same texts as
#: tr() literals (tests/test_wording.py checks they match)
OUTCOME_TEXTS: Dict[str, str] = {
    "already-registered": "already registered: skipped",
    "no-valid-pixel": "no valid pixel: nothing to register",
    "cancelled": "cancelled before registration",
}


def _outcome(job: TileJob, status: str, key: str) -> TileOutcome:
    return TileOutcome(job, status, None, OUTCOME_TEXTS[key], key=key)


class PreflightFailed(ValueError):
    """The pre-flight check found errors in a tile's files: ``findings`` are the errors (one per file and rule;
    the message names the first five)."""

    def __init__(self, findings: List[cog_rules.Finding]) -> None:
        self.findings = preflight_errors(findings)
        super().__init__(f"pre-flight check failed: {_error_text(findings)}")


@dataclass
class PipelineOptions:
    cogify: str = "auto"  # "auto" (when the pre-flight finds errors), "never", "always"
    cover_policy: Optional[str] = "contain"  # "contain", "exclude" or None (service uses the tile bbox)
    max_points: int = 95
    overwrite: bool = False
    threads: int = 4
    workdir: str = ""
    compress: str = "DEFLATE"
    cogify_options: Dict[str, object] = field(default_factory=dict)
    # the collection's configured bands ({name: {source, bandIndex, bitDepth, sampleFormat}}), None = not configured
    collection_bands: Optional[Dict[str, dict]] = None
    # the jobs' files are keys in the bucket already (createtilesfroms3): no pre-flight, COGify or upload; the
    # cover is traced from the COGs through /vsis3/
    s3_sources: bool = False
    # how a pre-flight warning is worded in the log (the layers above core pass their own wording)
    finding_text: Callable[[cog_rules.Finding], str] = field(default=lambda f: f.message, repr=False)


Log = Callable[[str, bool], None]


def registered_paths(client: ByocClient, collection_id: str, cancel=None) -> Dict[str, str]:
    """Every registered tile path of the collection → tile id (folder paths also under ``<folder>/(BAND).*``)."""
    out: Dict[str, str] = {}
    for tile in client.iter_all_tiles(collection_id, cancel=cancel):
        if tile.path and tile.id:
            out[tile.path] = tile.id
    return out


def _is_registered(path: str, known: Dict[str, str]) -> Optional[str]:
    if path in known:
        return known[path]
    folder = path.rsplit("/(BAND)", 1)[0] if "/(BAND)" in path else None
    if folder is not None and folder in known:
        return known[folder]
    return None


def preflight_errors(findings: List[cog_rules.Finding]) -> List[cog_rules.Finding]:
    """The errors, one per file and rule (the block-size rule fires once per image level)."""
    errors, seen = [], set()
    for f in findings:
        if f.is_error and (f.file, f.rule) not in seen:
            seen.add((f.file, f.rule))
            errors.append(f)
    return errors


def _error_text(findings: List[cog_rules.Finding]) -> str:
    """The errors as "file: message fix" (one per file and rule: the block-size rule fires once per image level)."""
    errors = preflight_errors(findings)
    return "; ".join(f"{Path(f.file).name or 'tile'}: {f.message} {f.fix}".strip() for f in errors[:5]) + (
        f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""
    )


def _prepare(job: TileJob, opts: PipelineOptions, workdir: str, prog: Progress, log: Log) -> Dict[str, str]:
    """Band files ready for upload (COGified into ``workdir`` when needed); raises ValueError with findings."""
    if job.split_bands:
        (src,) = job.files.values()
        result = cogify(
            src,
            workdir,
            CogifyOptions(layout=LAYOUT_PER_BAND, band_names=job.split_bands, compress=opts.compress, skip_valid=False),
            progress=prog,
        )
        files = dict(result.outputs)
    else:
        files = dict(job.files)
        _facts, findings = cog_rules.check_tile(files)
        errors = [f for f in findings if f.is_error]
        unreadable = [f for f in errors if f.rule == "readable"]
        if unreadable or (opts.cogify == "never" and errors):
            raise PreflightFailed(unreadable or findings)
        if opts.cogify == "always":
            todo = list(files)
        elif errors:
            bad = {f.file for f in errors if f.file}
            todo = [s for s, p in files.items() if p in bad or Path(p).name in bad] or list(files)
        else:
            todo = []
        for i, stem in enumerate(todo):
            dst = os.path.join(workdir, f"{stem}.tif")
            result = cogify(
                files[stem],
                dst,
                CogifyOptions(layout=LAYOUT_MULTIBAND, compress=opts.compress, skip_valid=opts.cogify != "always"),
                progress=prog.sub(i / len(todo), (i + 1) / len(todo)),
            )
            files[stem] = next(iter(result.outputs.values()))
            if not result.untouched:
                log(WordedText("tile-cogified", name=job.name, stem=stem), False)
    _facts, findings = cog_rules.check_tile(files, opts.collection_bands)
    for f in findings:
        if not f.is_error:
            log(f"{job.name}: {opts.finding_text(f)}", True)
    if any(f.is_error for f in findings):
        raise PreflightFailed(findings)
    return files


def _upload(job: TileJob, files: Dict[str, str], s3: S3Config, opts: PipelineOptions, prog: Progress, log: Log):
    """Make every band file's key hold its bytes: skipped when S3 has them already (same MD5), uploaded when
    absent, replaced only with ``overwrite`` (else the "exists" error), content verified after upload."""
    total = sum(os.path.getsize(p) for p in files.values()) or 1
    offset = 0.0
    for stem, local in files.items():
        prog.check()
        share = os.path.getsize(local) / total
        key = job.path.replace("(BAND)", stem)
        result = ensure_object(s3, local, key, overwrite=opts.overwrite, progress=prog.sub(offset, offset + share))
        if result.skipped:
            log(WordedText("tile-upload-skipped", name=job.name, bucket=s3.bucket, key=key, how=result.how), False)
        elif result.replaced:
            log(WordedText("tile-upload-replaced", name=job.name, bucket=s3.bucket, key=key), True)
        offset += share


def _check_paths(jobs: List[TileJob]) -> None:
    paths = [j.path for j in jobs]
    dup = {p for p in paths if paths.count(p) > 1}
    if dup:
        raise WordedError("same-tile-path", path=sorted(dup)[0])


class _Run:
    """One pipeline run: shared state of the workers (overall progress, known tiles) and one tile's steps."""

    def __init__(self, client, collection_id, s3, jobs, opts, progress, prog: Progress, log: Log) -> None:
        self.client, self.collection_id, self.s3, self.jobs, self.opts = client, collection_id, s3, jobs, opts
        self.progress, self.prog, self.log = progress, prog, log
        self.known = registered_paths(client, collection_id, cancel=prog.cancelled)
        self.fractions = [0.0] * len(jobs)
        self.lock = threading.Lock()
        self.workroot = opts.workdir or os.path.join(os.getcwd(), ".byoc-work")

    def report(self, index: int) -> Progress:
        """A progress for job ``index``; the overall fraction is the mean over all jobs."""

        def cb(fraction: float, message: str = "") -> None:
            with self.lock:
                self.fractions[index] = fraction
                total = sum(self.fractions) / max(1, len(self.jobs))
            if self.progress is not None:
                self.progress(total, message)

        return Progress(cb, self.prog.cancelled)

    def tile(self, index: int) -> TileOutcome:
        """Create one tile; every failure is this tile's outcome (the other tiles go on)."""
        job = self.jobs[index]
        existing = _is_registered(job.path, self.known)
        if existing:
            self.report(index)(1.0, f"{job.name}: already registered")
            return TileOutcome(job, EXISTS, existing, OUTCOME_TEXTS["already-registered"], key="already-registered")
        tile_prog = self.report(index)
        workdir = os.path.join(self.workroot, f"tile{index:05d}")
        try:
            tile_prog.check()
            if self.opts.s3_sources:
                cover = self._cover([vsis3_path(self.s3, k) for k in job.files.values()], job, tile_prog.sub(0, 0.9))
            else:
                os.makedirs(workdir, exist_ok=True)
                files = _prepare(job, self.opts, workdir, tile_prog.sub(0.0, 0.3), self.log)
                cover = self._cover(list(files.values()), job, tile_prog.sub(0.3, 0.4))
                _upload(job, files, self.s3, self.opts, tile_prog.sub(0.4, 0.95), self.log)
            tile_prog.check()  # cancelled after the upload: do not register (files stay for the next run)
            tile = self.client.create_tile(
                self.collection_id,
                Tile(job.path, sensing_time=job.sensing_time, cover_geometry=cover),
                cancel=self.prog.cancelled,
            )
            tile_prog(1.0, f"{job.name}: registered")
            return TileOutcome(job, REGISTERED, tile.id, "")
        except _NoData:
            return _outcome(job, FAILED, "no-valid-pixel")
        except (Cancelled, CancelledError):
            return _outcome(job, CANCELLED, "cancelled")
        except PreflightFailed as exc:
            return TileOutcome(job, FAILED, None, self.s3.scrub(str(exc)), exc.findings)
        except (S3Error, NetworkError) as exc:  # worded by core: ``error`` lets the layers above word it again
            return TileOutcome(job, FAILED, None, self.s3.scrub(str(exc)), error=exc)
        except (ValueError, SentinelHubError, RuntimeError) as exc:  # a WordedError (COGify's) is kept for wording
            # without its traceback: the frames hold GDAL datasets (COGify's source) open as long as the outcome lives
            worded = isinstance(exc, WordedError) or bool(exc.args and isinstance(exc.args[0], WordedText))
            error = exc.with_traceback(None) if worded else None
            return TileOutcome(job, FAILED, None, self.s3.scrub(str(exc)), error=error)
        except Exception as exc:  # noqa: BLE001 - an unexpected error is this tile's outcome; the table survives
            return TileOutcome(job, FAILED, None, self.s3.scrub(f"unexpected error: {type(exc).__name__}: {exc}"))
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _cover(self, paths: List[str], job: TileJob, prog: Progress) -> Optional[dict]:
        """The traced cover (None without a cover policy); raises _NoData when no pixel is valid."""
        if not self.opts.cover_policy:
            return None
        with bucket_options(self.s3) if self.opts.s3_sources else contextlib.nullcontext():
            result = trace_cover(paths, policy=self.opts.cover_policy, max_points=self.opts.max_points, progress=prog)
        for w in result.report.warnings:
            self.log(WordedText("tile-line", name=job.name, text=w), True)
        if result.geojson is None:
            raise _NoData()
        return result.geojson


class _NoData(Exception):
    """No valid pixel in a tile's files: nothing to register."""


def run_pipeline(
    client: ByocClient,
    collection_id: str,
    s3: S3Config,
    jobs: List[TileJob],
    opts: PipelineOptions,
    progress=None,
    cancel=None,
    log: Optional[Log] = None,
) -> List[TileOutcome]:
    """Create the tiles of ``jobs`` on ``opts.threads`` workers; returns one outcome per job (in job order).
    Raises Cancelled when cancelled (outcomes so far are then in ``exc.outcomes``)."""
    prog = Progress.of(progress, cancel)
    _check_paths(jobs)
    run = _Run(client, collection_id, s3, jobs, opts, progress, prog, log or (lambda _m, _w: None))
    with ThreadPoolExecutor(max_workers=max(1, opts.threads), thread_name_prefix="byoc-tiles") as pool:
        futures = [pool.submit(run.tile, i) for i in range(len(jobs))]
        done: List[TileOutcome] = [fut.result() for fut in futures]
    if not opts.workdir:
        shutil.rmtree(run.workroot, ignore_errors=True)
    if prog.cancelled():
        exc = Cancelled()
        exc.outcomes = done  # type: ignore[attr-defined]
        raise exc
    return done
