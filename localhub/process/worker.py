"""A render worker: one process that renders Process requests for :mod:`localhub.process.pool`.

Started with the ``spawn`` method (a fresh interpreter, never a fork of the threaded service). On start it
initialises V8 on its own main thread, before any other thread exists, then serves jobs from its pipe one at a
time: GDAL reads from ``/vsis3/``, the evalscript in V8, encoding. Whatever goes wrong inside (a segfault, a hang,
running out of memory) ends at most this process; the pool answers the request with an error and starts another.

Workers raise their own OOM score, so when memory runs out the kernel kills a worker, not the service. The worker
exits by itself when the pool goes away: EOF on its pipe while idle, and, while busy, a watchdog thread
(and on Linux ``PR_SET_PDEATHSIG``) notices that its parent died.

Protocol on the pipe (a Unix socket pair): the pool sends ``("job", job_id, RenderJob)`` or ``("stop",)``; the
worker sends ``("ready", pid)`` once, then per job ``("ok", job_id, meta, body)`` or ``("ok-fd", job_id, meta,
size)`` followed by the file descriptor of a memfd holding the body (large bodies cross without a pipe copy), or
``("error", job_id, status, code, message, errors)``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing import reduction
from typing import Any, Dict, Tuple

FD_THRESHOLD = 256 << 10  # bodies from this size on travel as a memfd
OOM_SCORE_ADJ = 500  # Linux: the OOM killer picks a worker before the service process
TEST_HOOK = "//localhub-test:"  # evalscript line honoured only with WorkerConfig.test_hooks


@dataclass(frozen=True)
class S3Config:
    """How workers reach S3 (the service's own settings; the secret never appears in a repr)."""

    endpoint: str
    access_key: str = field(repr=False)
    secret_key: str = field(repr=False)
    region: str = "us-east-1"
    https: bool = False
    virtual_hosting: bool = False


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker needs at start."""

    s3: S3Config
    parent_pid: int
    test_hooks: bool = False


def main(conn: Any, config: WorkerConfig) -> None:
    """The worker process's entry point (``multiprocessing`` target)."""
    from localhub.process.evalscript import init_v8

    init_v8()  # first, on the main thread, before any other thread exists
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal: the service stops its workers itself
    _die_with_parent(config.parent_pid)
    _oom_kill_me_first()
    renderer = _Renderer(config)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if not message or message[0] != "job":
            break
        _, job_id, job = message
        try:
            _send_result(conn, job_id, renderer.render(job), config.parent_pid)
        except (EOFError, OSError, BrokenPipeError):
            break
    os._exit(0)  # no atexit work: nothing to flush, and V8 teardown at exit is slow


def _die_with_parent(parent_pid: int) -> None:
    """Exit when the service process dies, even in the middle of a job."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the spawning thread ends
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="localhub-parent-watch", daemon=True).start()


def _oom_kill_me_first() -> None:
    """When memory runs out, the kernel should kill a worker (one request lost), not the service."""
    try:
        with open("/proc/self/oom_score_adj", "w") as handle:
            handle.write(str(OOM_SCORE_ADJ))
    except OSError:
        pass


class _Renderer:
    """Renders jobs with this worker's S3 access; forgets GDAL's cached bytes of tiles that were re-ingested."""

    def __init__(self, config: WorkerConfig) -> None:
        from localhub.s3 import S3Access

        s3 = config.s3
        self.config = config
        self.s3 = S3Access(s3.endpoint, s3.access_key, s3.secret_key, s3.region, s3.https, s3.virtual_hosting)
        self._seen: Dict[Tuple[str, str], Tuple[Any, Any]] = {}

    def render(self, job: Any) -> tuple:
        """``("ok", meta, body)`` or ``("error", status, code, message, errors)`` for one job."""
        from localhub.process.errors import ProcessError
        from localhub.process.service import run_process, run_process_to_windows

        try:
            self._test_hook(job.request.evalscript)
            self._forget_changed_tiles(job.collection.get("s3Bucket", ""), job.tiles)
            start = time.perf_counter()
            if job.windows:
                units = run_process_to_windows(
                    job.request,
                    job.collection,
                    job.tiles,
                    self.s3.vsi_path,
                    job.time_limit_s,
                    job.windows,
                    job.cog_parameters,
                )
                meta = {"content_type": "image/tiff", "processing_units": units, "size": 0}
                meta.update(seconds=time.perf_counter() - start, pid=os.getpid())
                return ("ok", meta, b"")
            result = run_process(
                job.request, job.collection, job.tiles, self.s3.vsi_path, job.time_limit_s, job.compress_tiff
            )
            meta = {
                "content_type": result.content_type,
                "processing_units": result.processing_units,
                "seconds": time.perf_counter() - start,
                "pid": os.getpid(),
            }
            body = result.body
            if job.output_path:
                _write_atomically(job.output_path, body)
                meta["size"] = len(body)
                body = b""
            return ("ok", meta, body)
        except ProcessError as exc:
            return ("error", exc.status, exc.code, exc.message, exc.errors)
        except MemoryError:
            return ("error", 500, "RENDERER_EXCEPTION", "localhub ran out of memory rendering this request.", None)
        except Exception as exc:  # reported to the client, the traceback to the service log (our stderr)
            traceback.print_exc()
            return ("error", 500, "COMMON_EXCEPTION", f"Unexpected error while rendering: {type(exc).__name__}.", None)

    def _forget_changed_tiles(self, bucket: str, tiles: list) -> None:
        """A tile whose path this worker read before under another identity (re-ingested, or deleted and created
        again) may have new bytes: drop GDAL's cached ranges and the file facts below its folder."""
        from localhub.process.reader import forget_file_info

        if len(self._seen) > 100_000:
            from osgeo import gdal

            gdal.VSICurlClearCache()
            forget_file_info()
            self._seen.clear()
        for tile in tiles:
            path = tile.get("path") or ""
            key = (bucket, path)
            identity = (tile.get("id"), tile.get("ingestionStart"))
            before = self._seen.get(key)
            if before is not None and before != identity:
                prefix = path.split("(BAND)", 1)[0]
                if prefix:
                    self.s3.clear_cache(bucket, prefix)
                    forget_file_info(self.s3.vsi_path(bucket, prefix))
            self._seen[key] = identity

    def _test_hook(self, evalscript: str) -> None:
        """Faults for tests (only with ``test_hooks``): ``//localhub-test:hang``, ``segfault``, ``exit``,
        ``sleep=SECONDS`` on a line of the evalscript."""
        if not self.config.test_hooks or TEST_HOOK not in evalscript:
            return
        words = evalscript.split(TEST_HOOK, 1)[1].split()
        action = words[0] if words else ""
        if action == "hang":
            while True:
                time.sleep(3600)
        if action == "segfault":
            ctypes.string_at(0)  # a real SIGSEGV in native code
        if action == "exit":
            os._exit(3)
        if action.startswith("sleep="):
            time.sleep(float(action.split("=", 1)[1]))


def _send_result(conn: Any, job_id: int, outcome: tuple, parent_pid: int) -> None:
    if outcome[0] == "error":
        conn.send(("error", job_id, *outcome[1:]))
        return
    _, meta, body = outcome
    memfd_create = getattr(os, "memfd_create", None)
    if memfd_create is None or len(body) < FD_THRESHOLD:
        conn.send(("ok", job_id, meta, body))
        return
    fd = memfd_create("localhub-render", os.MFD_CLOEXEC)
    try:
        view = memoryview(body)
        while view:
            view = view[os.write(fd, view) :]
        conn.send(("ok-fd", job_id, meta, len(body)))
        reduction.send_handle(conn, fd, parent_pid)
    finally:
        os.close(fd)


def _write_atomically(path: str, body: bytes) -> None:
    tmp = f"{path}.part-{os.getpid()}"
    with open(tmp, "wb") as handle:
        handle.write(body)
    os.replace(tmp, path)


def receive_body(conn: Any, size: int) -> memoryview:
    """Parent side of ``ok-fd``: map the memfd that follows on ``conn`` (read-only, no copy)."""
    import mmap

    fd = reduction.recv_handle(conn)
    try:
        if size == 0:
            return memoryview(b"")
        return memoryview(mmap.mmap(fd, size, prot=mmap.PROT_READ))
    finally:
        os.close(fd)
