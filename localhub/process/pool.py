"""A pool of render worker processes: Process requests are rendered outside the service process.

Why: V8 (mini-racer) can take its process down (a segfault on CPUs with memory protection keys when first
initialised off the main thread, a runaway native hang, the kernel's OOM killer). In a worker that costs one
request; the service process never loads V8 and keeps serving.

Public API (also meant for a Batch Processing executor: submit one job per output and collect the futures)::

    from localhub.process.pool import RenderJob, RenderPool, RenderResult, WorkerLost
    from localhub.process.worker import S3Config

    pool = RenderPool(S3Config(endpoint, access_key, secret_key, region), size=None)  # None = one per core
    pool.start()                      # spawns the workers (returns at once; pool.wait_ready(timeout) to block)
    future = pool.submit(RenderJob(request, collection, tiles, time_limit_s=30.0))  # concurrent.futures.Future
    result: RenderResult = future.result()     # .body (bytes or memoryview), .content_type, .processing_units
    result = await pool.render(job)            # the same from asyncio
    RenderJob(..., output_path="/tmp/x.tif")   # the worker writes the body there instead (result.body == b"")
    pool.workers()                    # [{"index", "pid", "busy", "jobs"}] (pids of live workers)
    pool.close()                      # stop the workers; queued jobs fail with WorkerLost

- ``request`` is a parsed :class:`localhub.process.request.ProcessRequest`, ``collection`` and ``tiles`` are the
  store's wire dicts (only ``INGESTED`` tiles take part). Jobs run in submission order, one per worker at a time.
- A failed job raises :class:`localhub.process.errors.ProcessError` from ``future.result()`` (status, code, message:
  what the HTTP API answers). :class:`WorkerLost` (a 500 ``RENDERER_EXCEPTION``) means the worker died (signal,
  exit, out of memory) or passed the wall-clock deadline (``time_limit_s`` + ``deadline_grace_s``) and was killed;
  the pool starts a replacement, and other jobs are not affected. Retrying such a job is the caller's choice.
- Workers are started with ``spawn`` (never a fork of the threaded service), initialise V8 on their own main thread,
  and exit by themselves when the service process dies (see :mod:`localhub.process.worker`). Each worker is
  replaced after ``max_jobs_per_worker`` jobs (memory fragmentation stays bounded).
- Bodies of 256 KiB and more come back through a memfd mapped read-only (no pipe copy).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Dict, List, Optional, Tuple, Union

from .errors import ProcessError
from .limits import DEFAULT_TIME_LIMIT_S
from .request import ProcessRequest
from .worker import S3Config, WorkerConfig, receive_body
from .worker import main as worker_main

log = logging.getLogger("localhub.process")
DEFAULT_DEADLINE_GRACE_S = 60.0
DEFAULT_MAX_JOBS_PER_WORKER = 500
START_TIMEOUT_S = 120.0


@dataclass
class RenderJob:
    """One Process request to render: the parsed request, its collection and tiles (wire form)."""

    request: ProcessRequest
    collection: dict
    tiles: list
    time_limit_s: float = DEFAULT_TIME_LIMIT_S
    output_path: Optional[str] = None  # write the body to this local file instead of returning it
    compress_tiff: bool = True  # False: TIFF outputs uncompressed (compressed again by the caller, e.g. as COG)
    # batch cells: the single TIFF output's (x, y, width, height, local path) windows, each written as its own file
    # by the worker (a COG when ``cog_parameters`` is set, else a Deflate GeoTIFF); the body is then empty
    windows: Tuple[Tuple[int, int, int, int, str], ...] = ()
    cog_parameters: Optional[dict] = None


@dataclass
class RenderResult:
    """A rendered answer."""

    body: Union[bytes, memoryview]
    content_type: str
    processing_units: float
    seconds: float  # rendering time inside the worker
    worker_pid: int
    size: int  # bytes of the body (also when it went to ``output_path``)


class WorkerLost(ProcessError):
    """The worker rendering this job died or was killed at its deadline (500 ``RENDERER_EXCEPTION``)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(500, "RENDERER_EXCEPTION", message)
        self.reason = reason  # "crashed", "deadline", "start" or "stopping"


def default_size() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class RenderPool:
    """``size`` render workers fed from one queue; see the module docstring."""

    def __init__(
        self,
        s3: S3Config,
        size: Optional[int] = None,
        deadline_grace_s: float = DEFAULT_DEADLINE_GRACE_S,
        max_jobs_per_worker: int = DEFAULT_MAX_JOBS_PER_WORKER,
        test_hooks: bool = False,
    ) -> None:
        self.size = size if size and size > 0 else default_size()
        self.deadline_grace_s = deadline_grace_s
        self.max_jobs_per_worker = max_jobs_per_worker
        self._config = WorkerConfig(s3=s3, parent_pid=os.getpid(), test_hooks=test_hooks)
        self._context = multiprocessing.get_context("spawn")
        self._queue: queue.Queue[Optional[tuple]] = queue.Queue()
        self._slots = [_Slot(self, i) for i in range(self.size)]
        self._ids = itertools.count(1)
        self._started = False
        self._closed = False
        self._lock = threading.Lock()

    @classmethod
    def for_settings(cls, settings: Any) -> RenderPool:
        """The pool localhub's settings describe: its S3 endpoint and keys, ``process_workers``,
        ``process_deadline_grace`` and ``process_test_hooks`` (defaults for what ``settings`` lacks)."""
        s3 = S3Config(
            settings.s3_endpoint or "",
            settings.s3_access_key,
            settings.s3_secret_key,
            settings.s3_region,
            https=settings.s3_https,
            virtual_hosting=settings.s3_virtual_hosting,
        )
        return cls(
            s3,
            size=getattr(settings, "process_workers", None),
            deadline_grace_s=getattr(settings, "process_deadline_grace", DEFAULT_DEADLINE_GRACE_S),
            test_hooks=bool(getattr(settings, "process_test_hooks", False)),
        )

    def __repr__(self) -> str:
        return f"RenderPool(size={self.size}, started={self._started}, closed={self._closed})"

    def __enter__(self) -> RenderPool:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def start(self) -> None:
        """Spawn the workers in the background (jobs submitted meanwhile wait for them)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        for slot in self._slots:
            slot.thread.start()

    def wait_ready(self, timeout: float = START_TIMEOUT_S) -> bool:
        """Block until every worker has started (True) or ``timeout`` passed (False)."""
        deadline = time.monotonic() + timeout
        return all(slot.ready.wait(max(0.0, deadline - time.monotonic())) for slot in self._slots)

    def submit(self, job: RenderJob) -> Future[RenderResult]:
        """Queue a job; the future gives a :class:`RenderResult` or raises :class:`ProcessError`."""
        future: Future[RenderResult] = Future()
        if self._closed:
            future.set_exception(_stopping())
            return future
        if not self._started:
            self.start()
        self._queue.put((future, job))
        return future

    async def render(self, job: RenderJob) -> RenderResult:
        """:meth:`submit` for asyncio callers."""
        return await asyncio.wrap_future(self.submit(job))

    def workers(self) -> List[Dict[str, Any]]:
        """The live workers: index, pid, whether rendering now, jobs done."""
        return [slot.describe() for slot in self._slots if slot.pid is not None]

    def close(self, timeout: float = 2.0) -> None:
        """Stop accepting jobs, fail the queued ones, stop the idle workers and kill the busy ones (whose requests
        the server has given up by now); returns within about ``timeout`` seconds."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                item[0].set_exception(_stopping())
        for _ in self._slots:
            self._queue.put(None)
        for slot in self._slots:
            slot.stopping.set()
            if slot.busy:
                slot.kill()  # the slot thread then sees the worker gone and ends
        deadline = time.monotonic() + timeout
        for slot in self._slots:
            if slot.thread.is_alive():
                slot.thread.join(max(0.1, deadline - time.monotonic()))
        for slot in self._slots:  # a worker that did not stop (or is starting): kill it, the slot thread then ends
            slot.kill()
        for slot in self._slots:
            if slot.thread.is_alive():
                slot.thread.join(5.0)


def _stopping() -> WorkerLost:
    return WorkerLost("localhub is stopping; the request was not rendered.", "stopping")


class _Slot:
    """One worker process and the thread that feeds it jobs, enforces deadlines and replaces it."""

    def __init__(self, pool: RenderPool, index: int) -> None:
        self.pool = pool
        self.index = index
        self.proc: Any = None
        self.conn: Any = None
        self.pid: Optional[int] = None
        self.busy = False
        self.jobs = 0
        self.ready = threading.Event()
        self.stopping = threading.Event()
        self._proc_lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name=f"localhub-render-slot-{index}", daemon=True)

    def describe(self) -> Dict[str, Any]:
        return {"index": self.index, "pid": self.pid, "busy": self.busy, "jobs": self.jobs}

    # -- the slot thread -----------------------------------------------------------------------------------------
    def _run(self) -> None:
        start_error = self._spawn()
        self.ready.set()
        try:
            while True:
                item = self.pool._queue.get()
                if item is None:
                    return
                future, job = item
                if not future.set_running_or_notify_cancel():
                    continue
                if self.proc is None or not self.proc.is_alive():
                    start_error = self._spawn()
                    if start_error is not None:
                        future.set_exception(WorkerLost(start_error, "start"))
                        continue
                self.busy = True
                try:
                    future.set_result(self._render(job))
                except WorkerLost as exc:
                    future.set_exception(exc)
                    if not self.stopping.is_set():
                        self._spawn()
                except ProcessError as exc:
                    future.set_exception(exc)
                finally:
                    self.busy = False
                self.jobs += 1
                if self.jobs % max(1, self.pool.max_jobs_per_worker) == 0 and not self.stopping.is_set():
                    self._stop_worker()
                    self._spawn()
        finally:
            self._stop_worker()

    def _spawn(self) -> Optional[str]:
        """Start a worker and wait for its ready message; an error text when it could not start."""
        self._stop_worker()
        context = self.pool._context
        parent_conn, child_conn = context.Pipe(duplex=True)
        proc = context.Process(
            target=worker_main,
            args=(child_conn, self.pool._config),
            name=f"localhub-render-{self.index}",
            daemon=True,
        )
        with self._proc_lock:
            if self.stopping.is_set():
                child_conn.close()
                parent_conn.close()
                return "localhub is stopping."
            proc.start()
            self.proc, self.conn = proc, parent_conn
        child_conn.close()
        ready = wait([parent_conn, proc.sentinel], START_TIMEOUT_S)
        if parent_conn in ready:
            try:
                message = parent_conn.recv()
            except (EOFError, OSError):
                message = None
            if message and message[0] == "ready":
                self.pid = message[1]
                return None
        code = proc.exitcode
        self._stop_worker()
        return (
            "localhub's renderer could not start "
            + (f"({_exit_text(code)})" if code is not None else f"within {START_TIMEOUT_S:g} s")
            + "; see the localhub log."
        )

    def _render(self, job: RenderJob) -> RenderResult:
        proc, conn = self.proc, self.conn
        job_id = next(self.pool._ids)
        limit = job.time_limit_s + self.pool.deadline_grace_s
        deadline = time.monotonic() + limit
        try:
            conn.send(("job", job_id, job))
        except (OSError, EOFError):
            raise self._lost() from None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                log.warning("localhub: render worker %s passed its %g s deadline and was killed", self.pid, limit)
                raise WorkerLost(
                    f"Rendering did not finish within {limit:g} s (the evalscript time limit of {job.time_limit_s:g} s "
                    f"plus {self.pool.deadline_grace_s:g} s for reading and encoding), so localhub stopped its "
                    "renderer and started a new one.",
                    "deadline",
                )
            ready = wait([conn, proc.sentinel], remaining)
            if conn in ready:
                try:
                    message = conn.recv()
                    if message[0] == "ok-fd":
                        body: Union[bytes, memoryview] = receive_body(conn, message[3])
                    elif message[0] == "ok":
                        body = message[3]
                except (EOFError, OSError):
                    raise self._lost() from None
                if message[1] != job_id:
                    continue  # an answer to a job that was given up (cannot happen: workers are replaced then)
                if message[0] == "error":
                    _, _, status, code, text, errors = message
                    raise ProcessError(status, code, text, errors)
                meta = message[2]
                return RenderResult(
                    body=body,
                    content_type=meta["content_type"],
                    processing_units=meta["processing_units"],
                    seconds=meta["seconds"],
                    worker_pid=meta["pid"],
                    size=int(meta.get("size", len(body))),
                )
            if proc.sentinel in ready:
                raise self._lost()

    def _lost(self) -> WorkerLost:
        proc = self.proc
        if proc is not None:
            proc.join(2.0)
        code = proc.exitcode if proc is not None else None
        self._stop_worker()
        if self.stopping.is_set():
            return _stopping()
        log.warning("localhub: render worker stopped during a request (%s); starting a new one", _exit_text(code))
        return WorkerLost(
            f"localhub's renderer stopped while rendering this request ({_exit_text(code)}); it was replaced and "
            "other requests are not affected. The evalscript or the data may have crashed the engine or used up "
            "the memory.",
            "crashed",
        )

    def _stop_worker(self) -> None:
        """Ask the worker to exit (then kill it if it does not) and forget it."""
        with self._proc_lock:
            proc, conn = self.proc, self.conn
            self.proc = self.conn = None
            self.pid = None
        if conn is not None:
            try:
                conn.send(("stop",))
            except (OSError, EOFError):
                pass
        if proc is not None:
            proc.join(2.0)
            if proc.is_alive():
                proc.kill()
                proc.join(5.0)
        if conn is not None:
            conn.close()

    def kill(self) -> None:
        """SIGKILL the worker now (deadline passed, or the pool is closing)."""
        with self._proc_lock:
            proc = self.proc
        if proc is not None and proc.is_alive():
            proc.kill()


def _exit_text(code: Optional[int]) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
