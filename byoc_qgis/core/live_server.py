"""The live view's loopback tile server: QGIS's XYZ client asks it for ``{z}/{x}/{y}.png`` tiles, it answers each
with a Process API request through the core client (or from its cache).

How a tile request is served (one handler thread per QGIS connection, a small pool of fetch workers):

1. The path must carry this session's key and the ``Host`` must be this server (no browser page can use the port:
   it knows neither the key nor may it send ``Origin``/``Sec-Fetch-*`` requests here).
2. A tile already fetched is answered from an LRU cache (bounded in bytes); QGIS keeps its own in-memory tile
   cache on top, so an unchanged view costs no request at all.
3. Tiles outside the collection's extent, or at zoom levels coarser than its ``maxMetersPerPixel`` (which the
   service refuses), are answered with a transparent tile without a request (the collection's metadata is read
   once a minute per collection).
4. Two renders asking for the same tile share one request (single flight). The request waits for a free worker;
   when QGIS drops the tile (the view moved on: QGIS 3.22 aborts the reply, the handler sees the connection close)
   and no one else waits for it, a request not sent yet is never sent and a 429 wait (``Retry-After``, shared by
   every request of the connection through :class:`~.http.RateGate`) is abandoned. QGIS 3.40 no longer aborts
   (its tile download manager finishes what it started): there ``interest`` (what the canvases show and showed,
   :class:`~.live_interest.Interest`) marks the tiles of a view a canvas left, which are answered 503 at once, before
   or instead of their request. A request the service is already rendering cannot be recalled (the Process API has
   no cancel, and the units are spent); its tile is cached for when the view comes back.
5. The answer's PNG is passed on with colour 0 marked transparent (:mod:`.live_png`, no re-encoding). Definite
   errors (a bad evalscript, a missing connection) answer a transparent tile and are reported through ``on_event``
   once per view; transient ones (no connection, 5xx after retries) answer 503 so QGIS asks again next render.

Nothing here imports QGIS: ``client_for(connection_name, cancel)`` supplies a :class:`~.client.SentinelHubClient`
(inside QGIS it reads the auth manager on the main thread), so this module is tested against localhub directly.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Tuple

from .errors import BadRequestError, CancelledError, SentinelHubError, is_transient
from .http import CancelFn, RetryPolicy
from .live_http import TileHandler, TileHTTPServer, client_gone
from .live_interest import InterestFn, OutdatedGate
from .live_png import transparent_png, with_transparent_zero
from .live_tiles import TILE_PX, Coverage, LiveSpec, parse_tile_path, tile_request, tile_url_template
from .process import MAX_PX, ProcessClient

__all__ = ["LiveTileServer", "LIVE_POLICY", "ClientFor", "EventFn", "InterestFn"]

log = logging.getLogger(__name__)

# A tile answers a render: a few quick retries, then the next render asks again. 429s are waited out (Retry-After)
# unless QGIS drops the tile first.
LIVE_POLICY = RetryPolicy(max_attempts=3, backoff_base=0.3, backoff_cap=2.0, max_rate_limit_wait=120.0)
LIVE_TIMEOUT = (10.0, 60.0)
METADATA_TTL_S = 60.0
POLL_S = 0.02

ClientFor = Callable[[str, CancelFn], Any]
"""``client_for(connection_name, cancel)`` → a SentinelHubClient; raises (e.g. CredentialsError) when it cannot."""
EventFn = Callable[[str, str, str], None]
"""``on_event(kind, spec_token, detail)``: kinds ``error`` (detail: message) and ``too_coarse`` (detail: limit)."""

TileKey = Tuple[str, int, int, int]


@dataclass
class _Fetch:
    """One tile being fetched, shared by every handler waiting for it."""

    key: TileKey
    spec: LiveSpec
    waiters: int = 0
    started: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    status: Optional[int] = None  # None: dropped or cancelled (nobody to answer)
    body: bytes = b""


class LiveTileServer:
    """A loopback HTTP server for live view tiles (see the module docstring). Thread-safe; start once, stop once."""

    def __init__(
        self,
        client_for: ClientFor,
        *,
        workers: int = 4,
        cache_bytes: int = 96 << 20,
        policy: RetryPolicy = LIVE_POLICY,
        on_event: Optional[EventFn] = None,
        metadata_ttl: float = METADATA_TTL_S,
        tile_px: int = TILE_PX,
    ) -> None:
        self.client_for = client_for
        self.workers = int(workers)
        self.cache_limit = int(cache_bytes)
        self.policy = policy
        self.on_event = on_event
        self.metadata_ttl = metadata_ttl
        self.tile_px = tile_px
        self.key = secrets.token_urlsafe(18)
        self._lock = threading.Lock()
        self._cache: OrderedDict[TileKey, bytes] = OrderedDict()
        self._cache_size = 0
        self._inflight: Dict[TileKey, _Fetch] = {}
        self._specs: OrderedDict[str, LiveSpec] = OrderedDict()
        self._coverage: Dict[Tuple[str, str], Tuple[float, Coverage]] = {}
        self._coverage_locks: Dict[Tuple[str, str], threading.Lock] = {}
        self._views: Dict[int, Tuple[Any, Any]] = {}
        self._reported: Dict[Tuple[str, str], float] = {}
        self._gate = OutdatedGate()
        self._stats: Dict[str, int] = {
            k: 0
            for k in (
                "tiles",  # tile requests received
                "cache_hits",
                "shared",  # joined a request already under way for the same tile
                "process_requests",  # Process API requests sent
                "dropped",  # never sent: QGIS dropped the tile while it waited for a worker
                "cancelled",  # stopped while waiting out a 429 (or for credentials)
                "abandoned",  # answered by the service after QGIS dropped the tile (kept in the cache)
                "client_gone",  # tile requests QGIS aborted before their answer
                "outside",  # transparent without a request: outside the collection's extent
                "too_coarse",  # transparent without a request: coarser than maxMetersPerPixel
                "errors",
                "outdated",  # answered 503 at once: no map shows the tile now (QGIS asks again if it needs it)
                "refused",  # wrong key, host or a browser request
            )
        }
        self._stopping = False
        self._httpd: Optional[TileHTTPServer] = None
        self._thread: Optional[threading.Thread] = None
        self._executor: Optional[ThreadPoolExecutor] = None

    # -- life cycle ----------------------------------------------------------------------------------------------
    def start(self) -> LiveTileServer:
        """Listen on 127.0.0.1 (a free port) in a daemon thread."""
        if self._httpd is not None:
            return self
        self._httpd = TileHTTPServer(("127.0.0.1", 0), TileHandler)
        self._httpd.owner = self  # type: ignore[attr-defined]
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="byoc-live-fetch")
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="byoc-live-server", daemon=True
        )
        self._thread.start()
        return self

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the live view server is not running")
        return int(self._httpd.server_address[1])

    @property
    def running(self) -> bool:
        return self._httpd is not None and not self._stopping

    def stop(self) -> None:
        """Stop listening, drop queued fetches, wake every waiting handler. Returns within ~0.1 s."""
        self._stopping = True
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        with self._lock:
            pending = list(self._inflight.values())
            self._inflight.clear()
            self._cache.clear()
            self._cache_size = 0
        for fetch in pending:
            fetch.done.set()

    def url_template(self, spec: LiveSpec) -> str:
        """The XYZ URL template of ``spec`` on this server."""
        return tile_url_template(self.port, self.key, spec)

    def stats(self) -> Dict[str, int]:
        """Counters since start (see ``__init__``) plus ``cache_tiles``/``cache_bytes``/``inflight``."""
        with self._lock:
            out = dict(self._stats)
            out.update(cache_tiles=len(self._cache), cache_bytes=self._cache_size, inflight=len(self._inflight))
        return out

    def clear_cache(self) -> None:
        """Forget every cached tile and collection metadata (e.g. after tiles were added to a collection)."""
        with self._lock:
            self._cache.clear()
            self._cache_size = 0
            self._coverage.clear()

    @property
    def interest(self) -> Optional[InterestFn]:
        """What the maps show (see :class:`~.live_interest.Interest`); None: no tile is outdated."""
        return self._gate.interest

    @interest.setter
    def interest(self, value: Optional[InterestFn]) -> None:
        self._gate.interest = value

    # -- requests ------------------------------------------------------------------------------------------------
    def _count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self._stats[name] += n

    def _refuse(self, handler: TileHandler, status: int) -> None:
        self._count("refused")
        handler.close_connection = True
        handler.send_body(status, b"", "text/plain")

    def _handle(self, handler: TileHandler) -> None:
        headers = handler.headers
        if (
            headers.get("Host") != f"127.0.0.1:{self.port}"
            or headers.get("Origin") is not None
            or any(name.lower().startswith("sec-fetch-") for name in headers.keys())
        ):
            return self._refuse(handler, 403)
        try:
            key, token, z, x, y = parse_tile_path(handler.path)
        except ValueError:
            return self._refuse(handler, 404)
        if not secrets.compare_digest(key, self.key):
            return self._refuse(handler, 403)
        try:
            spec = self._spec(token)
            if z > 30 or x >= (1 << z) or y >= (1 << z):
                raise ValueError("tile outside its zoom level")
        except ValueError:
            return self._refuse(handler, 404)
        self._count("tiles")
        tile: TileKey = (token, z, x, y)
        with self._lock:
            body = self._cache.get(tile)
            if body is not None:
                self._cache.move_to_end(tile)
                self._stats["cache_hits"] += 1
        if body is not None:
            return handler.send_body(200, body)
        if self._outdated(tile):
            return handler.send_body(503, b"", "text/plain", [("Retry-After", "0")])
        for _attempt in range(3):
            fetch = self._join(tile, spec)
            if not self._wait(fetch, handler):
                self._count("client_gone")
                handler.close_connection = True
                return None
            if fetch.status is not None or self._stopping:
                break
            # joined a fetch just as it was given up (cancelled while nobody waited): fetch again
        if fetch.status is None:  # server stopping
            handler.close_connection = True
            return None
        if fetch.status == 503:
            return handler.send_body(503, b"", "text/plain", [("Retry-After", "2")])
        return handler.send_body(fetch.status, fetch.body)

    def _spec(self, token: str) -> LiveSpec:
        with self._lock:
            spec = self._specs.get(token)
            if spec is not None:
                self._specs.move_to_end(token)
                return spec
        spec = LiveSpec.from_token(token)
        with self._lock:
            self._specs[token] = spec
            while len(self._specs) > 64:
                self._specs.popitem(last=False)
        return spec

    def _join(self, tile: TileKey, spec: LiveSpec) -> _Fetch:
        """The fetch of ``tile`` (started when no one fetches it yet), with one more waiter."""
        with self._lock:
            fetch = self._inflight.get(tile)
            if fetch is not None:  # (even one nobody waits for any more: it is not dropped while someone does)
                fetch.waiters += 1
                self._stats["shared"] += 1
                return fetch
            fetch = _Fetch(tile, spec, waiters=1)
            self._inflight[tile] = fetch
            executor = self._executor
        if executor is None:
            fetch.done.set()
            return fetch
        try:
            executor.submit(self._run, fetch)
        except RuntimeError:  # shutting down
            fetch.done.set()
        return fetch

    def _wait(self, fetch: _Fetch, handler: TileHandler) -> bool:
        """Wait for the fetch while QGIS is still connected; False (and one waiter less) when it went away."""
        sock = handler.connection
        while not fetch.done.wait(POLL_S):
            if self._stopping or client_gone(sock):
                with self._lock:
                    fetch.waiters -= 1
                return False
        return True

    # -- fetching (worker threads) -------------------------------------------------------------------------------
    def _run(self, fetch: _Fetch) -> None:
        outdated = self._outdated(fetch.key)
        with self._lock:
            if fetch.waiters <= 0 or self._stopping or outdated:
                self._stats["dropped"] += 1
                self._forget(fetch)
                fetch.status = 503 if outdated else None  # QGIS asks again if a map still needs it
                fetch.done.set()
                return
            fetch.started = True

        def cancel() -> bool:
            return self._stopping or fetch.waiters <= 0 or self._outdated(fetch.key)

        token, z, x, y = fetch.key
        try:
            fetch.status, fetch.body = self._fetch(fetch.spec, token, z, x, y, cancel)
        except CancelledError:
            self._count("cancelled")
            if not self._stopping:
                fetch.status = 503
        except Exception as exc:  # noqa: BLE001 - reported through on_event, the tile stays empty
            transient = isinstance(exc, SentinelHubError) and is_transient(exc)
            self._count("errors")
            self._report("error", token, _message(exc))
            fetch.status, fetch.body = (503, b"") if transient else (200, transparent_png(self.tile_px))
        finally:
            with self._lock:
                self._forget(fetch)
                if fetch.status is not None and fetch.waiters <= 0:
                    self._stats["abandoned"] += 1
            fetch.done.set()

    def _outdated(self, tile: TileKey) -> bool:
        if not self._gate.outdated(tile):
            return False
        self._count("outdated")
        return True

    def _forget(self, fetch: _Fetch) -> None:
        """Remove ``fetch`` from the in-flight table (unless a newer fetch of the tile took its place). Lock held."""
        if self._inflight.get(fetch.key) is fetch:
            del self._inflight[fetch.key]

    def _fetch(self, spec: LiveSpec, token: str, z: int, x: int, y: int, cancel: CancelFn) -> Tuple[int, bytes]:
        client = self.client_for(spec.connection, cancel)
        coverage = self._collection_coverage(client, spec, cancel)
        empty = transparent_png(self.tile_px)
        if not coverage.has_data(z, x, y):
            self._count("outside")
            self._store((token, z, x, y), empty)
            return 200, empty
        if coverage.too_coarse(z, y, self.tile_px):
            self._count("too_coarse")
            self._report("too_coarse", token, f"{coverage.max_meters_per_pixel:g}")
            return 200, empty
        request = tile_request(spec, z, x, y, self.tile_px)
        request.validate(MAX_PX)
        self._count("process_requests")
        try:
            # not streamed: once the service answers, the tile is read whole and cached even if QGIS has gone
            response = self._http(client).request(
                "POST",
                ProcessClient.path,
                json_body=request.to_dict(),
                headers={"Accept": "image/png"},
                expected=(200,),
                cancel=cancel,
            )
        except BadRequestError as exc:
            if "meters per pixel" in str(exc):  # our estimate of the service's resolution limit was a hair off
                self._count("too_coarse")
                self._report("too_coarse", token, f"{coverage.max_meters_per_pixel or 0:g}")
                return 200, empty
            raise
        body = with_transparent_zero(response.content)
        self._store((token, z, x, y), body)
        return 200, body

    def _http(self, client: Any) -> Any:
        """An HttpClient view sharing ``client``'s session, tokens and rate-limit gate, with the live view's retries."""
        with self._lock:
            cached = self._views.get(id(client))
            if cached is not None and cached[0] is client:
                return cached[1]
        view = client.http.with_policy(self.policy, timeout=LIVE_TIMEOUT)
        with self._lock:
            self._views[id(client)] = (client, view)
        return view

    def _collection_coverage(self, client: Any, spec: LiveSpec, cancel: CancelFn) -> Coverage:
        """The collection's extent and resolution limit (read once per ``metadata_ttl``; unknown on failure)."""
        key = (spec.connection, spec.collection_id)
        with self._lock:
            lock = self._coverage_locks.setdefault(key, threading.Lock())
        with lock:
            with self._lock:
                cached = self._coverage.get(key)
            if cached is not None and cached[0] > time.monotonic():
                return cached[1]
            try:
                collection = client.byoc.get_collection(spec.collection_id, cancel=cancel)
                coverage = Coverage.from_collection(
                    collection.additional_data.get("extent"), collection.max_meters_per_pixel
                )
                ttl = self.metadata_ttl
            except CancelledError:
                raise
            except SentinelHubError as exc:
                if not is_transient(exc):
                    raise
                log.info("live view: collection metadata unavailable (%s); asking for every tile", type(exc).__name__)
                coverage, ttl = Coverage(), 5.0
            with self._lock:
                self._coverage[key] = (time.monotonic() + ttl, coverage)
            return coverage

    def _store(self, tile: TileKey, body: bytes) -> None:
        with self._lock:
            if self._stopping:
                return
            old = self._cache.pop(tile, None)
            if old is not None:
                self._cache_size -= len(old)
            self._cache[tile] = body
            self._cache_size += len(body)
            while self._cache_size > self.cache_limit and self._cache:
                _, dropped = self._cache.popitem(last=False)
                self._cache_size -= len(dropped)

    def _report(self, kind: str, token: str, detail: str) -> None:
        """Tell ``on_event`` once per view and kind every 30 s (a broken evalscript fails every tile)."""
        now = time.monotonic()
        with self._lock:
            last = self._reported.get((kind, token))
            if last is not None and now - last < 30.0:
                return
            self._reported[(kind, token)] = now
        if kind == "error":
            log.warning("live view tile failed: %s", detail)
        if self.on_event is not None:
            try:
                self.on_event(kind, token, detail)
            except Exception:  # noqa: BLE001 - reporting must never break serving
                log.exception("live view: event callback failed")


def _message(exc: BaseException) -> str:
    if isinstance(exc, SentinelHubError):
        return str(exc.message if getattr(exc, "message", None) else exc)
    return str(exc) or type(exc).__name__
