"""The BYOC API: collections, tiles, copy and reingest, with paginated iterators.

Pagination follows ``links.next`` when it points at the deployment's own origin (a bearer token is never sent
to another host), else re-sends the first request with ``viewtoken=<links.nextToken>``; it stops when neither is
present or a page is empty. :meth:`ByocClient.iter_all_tiles` fetches the next page in a background thread
while the caller consumes the current one (a bounded pipeline of ``prefetch`` pages).
"""

from __future__ import annotations

import json
import logging
import queue
import re
import threading
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union
from urllib.parse import urljoin, urlsplit

from .errors import ConflictError, SentinelHubError
from .http import CancelFn, HttpClient, check_cancel, sleep_cancellable
from .models import Collection, Tile, TileStatus
from .worded import WordedError

__all__ = ["ByocClient", "MAX_PAGE_SIZE", "TILE_SORTS"]

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 100
TILE_SORTS = ("created:asc", "created:desc", "path:asc", "path:desc")
_DONE = object()


def _check_count(count: Optional[int]) -> Optional[int]:
    if count is None:
        return None
    if not 1 <= int(count) <= MAX_PAGE_SIZE:
        raise ValueError(f"count={count}: the page size must be between 1 and {MAX_PAGE_SIZE}")
    return int(count)


def _check_id(value: str, what: str) -> str:
    if not value or not isinstance(value, str) or "/" in value or "?" in value:
        raise WordedError("invalid-id", what=what, value=value)
    return value


class ByocClient:
    """Every BYOC endpoint of one deployment, through an :class:`HttpClient`."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http
        self.root = "/api/v1/byoc"
        base = urlsplit(http.deployment.base_url)
        self._origin = (base.scheme, base.netloc)

    def __repr__(self) -> str:
        return f"ByocClient({self.http!r})"

    # -- pagination ----------------------------------------------------------------------------------------------
    def _next_request(self, page: Dict[str, Any], first_path: str, first_params: Dict[str, Any]):
        links = page.get("links") or {}
        nxt = links.get("next")
        if nxt:
            url = urljoin(self.http.url(first_path), nxt)
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) == self._origin:
                return url, None
            log.warning("links.next points to another host (%s); using nextToken instead", parts.netloc)
        token = links.get("nextToken")
        if token:  # a next page (None or "" at the end)
            params = dict(first_params)
            params["viewtoken"] = token
            return first_path, params
        return None

    def _iter_pages(self, path: str, params: Dict[str, Any], cancel: CancelFn = None) -> Iterator[List[dict]]:
        """Decoded ``data`` lists of every page."""
        for body, items in self._iter_page_bodies(path, params, cancel):
            yield items if items is not None else _page_items(json.loads(body), path)

    def _iter_page_bodies(
        self, path: str, params: Dict[str, Any], cancel: CancelFn = None
    ) -> Iterator[Tuple[bytes, Optional[List[dict]]]]:
        """Raw page bodies, following the links. When the links can be read from the end of the body alone,
        the page is not decoded here (``items`` is None) so the consumer's decoding overlaps the next fetch."""
        request: Optional[Tuple[str, Optional[Dict[str, Any]]]] = (path, dict(params))
        seen = set()
        while request is not None:
            url, p = request
            key = (url, tuple(sorted((p or {}).items())))
            if key in seen:
                raise SentinelHubError(f"GET {path}: the service returned the same page link twice; stopping")
            seen.add(key)
            resp = self.http.request("GET", url, params=p, cancel=cancel)
            body = resp.content
            page = _tail_links(body)
            items: Optional[List[dict]] = None
            if page is None or _EMPTY_DATA.search(body[:64]):
                page = json.loads(body)
                items = _page_items(page, path)
                if not items:
                    yield body, items
                    return
            yield body, items
            request = self._next_request(page, path, params)

    # -- collections ---------------------------------------------------------------------------------------------
    def iter_collections(
        self, search: Optional[str] = None, count: Optional[int] = None, cancel: CancelFn = None
    ) -> Iterator[Collection]:
        """All collections of the account, optionally filtered by ``search`` (words joined by ``|``/``&``)."""
        params: Dict[str, Any] = {}
        if search:
            params["search"] = search
        if _check_count(count):
            params["count"] = count
        for items in self._iter_pages(f"{self.root}/collections", params, cancel):
            for item in items:
                yield Collection.from_dict(item)

    def list_collections(self, search: Optional[str] = None, cancel: CancelFn = None) -> List[Collection]:
        """:meth:`iter_collections` as a list."""
        return list(self.iter_collections(search=search, cancel=cancel))

    def get_collection(self, collection_id: str, cancel: CancelFn = None) -> Collection:
        """One collection; :class:`NotFoundError` if it does not exist."""
        cid = _check_id(collection_id, "collection id")
        data = self.http.get_json(f"{self.root}/collections/{cid}", cancel=cancel)
        return Collection.from_dict(_data(data, "collection"))

    def create_collection(self, collection: Union[Collection, Dict[str, Any]], cancel: CancelFn = None) -> Collection:
        """Create a collection (``name`` and ``s3_bucket`` required); returns it as the service stored it.

        Not repeated after a dropped connection or 5xx (that could create two): the error then says so.
        """
        if isinstance(collection, dict):
            collection = Collection.from_dict(collection)
        if not collection.name.strip():
            raise WordedError("collection-name-empty")
        if not collection.s3_bucket.strip() or collection.s3_bucket.startswith("s3://"):
            raise WordedError("collection-bucket", bucket=collection.s3_bucket)
        try:
            resp = self.http.request(
                "POST",
                f"{self.root}/collections",
                json_body=collection.to_payload(),
                expected=(201, 200),
                repeatable=False,
                cancel=cancel,
            )
        except SentinelHubError as exc:
            if exc.maybe_applied:
                exc.message += (
                    f" — collection {collection.name!r} may or may not have been created; refresh the collection "
                    "list before trying again"
                )
                exc.args = (exc.message,)
            raise
        return Collection.from_dict(_data(json.loads(resp.content), "collection"))

    def update_collection(self, collection: Collection, cancel: CancelFn = None) -> None:
        """Replace a collection's writable fields (PUT; bands given overwrite the bands)."""
        cid = _check_id(collection.id or "", "collection id")
        self.http.request(
            "PUT",
            f"{self.root}/collections/{cid}",
            json_body=collection.to_payload(),
            expected=(204, 200),
            cancel=cancel,
        )

    def delete_collection(self, collection_id: str, cancel: CancelFn = None) -> None:
        """Delete a collection and its tiles."""
        cid = _check_id(collection_id, "collection id")
        self.http.request("DELETE", f"{self.root}/collections/{cid}", expected=(204, 200), cancel=cancel)

    def copy_tiles(self, from_collection_id: str, to_collection_id: str, cancel: CancelFn = None) -> None:
        """Copy the ingested tiles of one collection into another (paths already there are skipped)."""
        src = _check_id(from_collection_id, "collection id")
        dst = _check_id(to_collection_id, "target collection id")
        self.http.request(
            "POST",
            f"{self.root}/collections/{src}/copyTiles",
            params={"toCollection": dst},
            headers={"Content-Type": "application/json"},
            expected=(204, 200),
            cancel=cancel,
        )

    # -- tiles ---------------------------------------------------------------------------------------------------
    def _tile_params(
        self,
        status: Union[TileStatus, str, None],
        path: Optional[str],
        sort: Optional[str],
        count: Optional[int],
    ) -> Dict[str, Any]:
        params: Dict[str, Any] = {"count": _check_count(count) or MAX_PAGE_SIZE}
        if status is not None:
            parsed = TileStatus.parse(status)
            if parsed is None:
                raise ValueError(f"status {status!r} is not one of {', '.join(s.value for s in TileStatus)}")
            params["status"] = parsed.value
        if path is not None:
            params["path"] = path
        if sort is not None:
            if sort not in TILE_SORTS:
                raise ValueError(f"sort {sort!r} must be one of {', '.join(TILE_SORTS)}")
            params["sort"] = sort
        return params

    def iter_tiles(
        self,
        collection_id: str,
        status: Union[TileStatus, str, None] = None,
        path: Optional[str] = None,
        sort: Optional[str] = None,
        count: Optional[int] = None,
        cancel: CancelFn = None,
    ) -> Iterator[Tile]:
        """Tiles of a collection, page by page, with optional filters (``status``, exact ``path``, ``sort``)."""
        cid = _check_id(collection_id, "collection id")
        params = self._tile_params(status, path, sort, count)
        wrap = Tile._wrap
        for items in self._iter_pages(f"{self.root}/collections/{cid}/tiles", params, cancel):
            for item in items:
                yield wrap(item)

    def list_tiles(self, collection_id: str, **filters: Any) -> List[Tile]:
        """:meth:`iter_tiles` as a list."""
        return list(self.iter_tiles(collection_id, **filters))

    def iter_all_tiles(
        self,
        collection_id: str,
        status: Union[TileStatus, str, None] = None,
        sort: Optional[str] = None,
        prefetch: int = 2,
        cancel: CancelFn = None,
    ) -> Iterator[Tile]:
        """Every tile of a collection as fast as the service allows.

        A background thread follows the page links and decodes JSON while the caller consumes tiles; at most
        ``prefetch`` decoded pages wait in memory. Closing the iterator (or ``cancel``) stops the thread.
        """
        cid = _check_id(collection_id, "collection id")
        params = self._tile_params(status, None, sort, None)
        pages: queue.Queue = queue.Queue(maxsize=max(1, prefetch))
        stop = threading.Event()

        def stopped() -> bool:
            return stop.is_set() or bool(cancel and cancel())

        def put(item: Any) -> bool:
            while not stop.is_set():
                try:
                    pages.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def producer() -> None:
            try:
                for page in self._iter_page_bodies(f"{self.root}/collections/{cid}/tiles", params, stopped):
                    if not put(page):
                        return
                put(_DONE)
            except BaseException as exc:  # noqa: BLE001 - handed to the consumer
                put(exc)

        thread = threading.Thread(target=producer, name="byoc-tile-pages", daemon=True)
        thread.start()
        wrap = Tile._wrap
        loads = json.loads
        try:
            while True:
                try:
                    item = pages.get(timeout=0.1)
                except queue.Empty:
                    check_cancel(cancel)
                    continue
                if item is _DONE:
                    return
                if isinstance(item, BaseException):
                    raise item
                body, items = item
                if items is None:
                    items = _page_items(loads(body), "tiles")
                for d in items:
                    yield wrap(d)
                check_cancel(cancel)
        finally:
            stop.set()
            thread.join(timeout=5)

    def all_tiles(self, collection_id: str, cancel: CancelFn = None, **kwargs: Any) -> List[Tile]:
        """:meth:`iter_all_tiles` as a list."""
        return list(self.iter_all_tiles(collection_id, cancel=cancel, **kwargs))

    def get_tile(self, collection_id: str, tile_id: str, cancel: CancelFn = None) -> Tile:
        """One tile; :class:`NotFoundError` if absent."""
        cid = _check_id(collection_id, "collection id")
        tid = _check_id(tile_id, "tile id")
        data = self.http.get_json(f"{self.root}/collections/{cid}/tiles/{tid}", cancel=cancel)
        return Tile._wrap(_data(data, "tile"))

    def find_tile_by_path(self, collection_id: str, path: str, cancel: CancelFn = None) -> Optional[Tile]:
        """The tile registered at exactly ``path``, or ``None``."""
        for tile in self.iter_tiles(collection_id, path=path, count=1, cancel=cancel):
            if tile.path == path:
                return tile
        return None

    def _find_created(self, collection_id: str, path: str, cancel: CancelFn) -> Optional[Tile]:
        found = self.find_tile_by_path(collection_id, path, cancel)
        if found is None and "(BAND)" not in path:
            # a folder path is rewritten to <folder>/(BAND).<ext> once ingested
            for ext in ("tif", "tiff", "TIF", "TIFF"):
                found = self.find_tile_by_path(collection_id, f"{path}/(BAND).{ext}", cancel)
                if found is not None:
                    break
        return found

    def create_tile(self, collection_id: str, tile: Union[Tile, Dict[str, Any]], cancel: CancelFn = None) -> Tile:
        """Register a tile (``path`` required; optional ``sensing_time``, ``cover_geometry``).

        A POST that may have reached the service (dropped connection, 5xx) is repeated only after checking that
        no tile is registered at that path yet; if one is, it is returned instead of creating a duplicate.
        """
        cid = _check_id(collection_id, "collection id")
        if isinstance(tile, dict):
            tile = Tile.from_dict(tile)
        payload = tile.to_payload()
        path = payload.get("path") or ""
        if not path or path.startswith("/") or path.endswith("/") or "//" in path:
            raise WordedError("tile-path-slashes", path=path)
        url = f"{self.root}/collections/{cid}/tiles"
        ambiguous = False
        attempt = 0
        while True:
            attempt += 1
            try:
                resp = self.http.request(
                    "POST", url, json_body=payload, expected=(201, 200), repeatable=False, cancel=cancel
                )
                return Tile._wrap(_data(json.loads(resp.content), "tile"))
            except ConflictError:
                if ambiguous:
                    existing = self._find_created(cid, path, cancel)
                    if existing is not None:
                        return existing
                raise
            except SentinelHubError as exc:
                if not exc.maybe_applied:
                    raise
                ambiguous = True
                log.info("tile create %s: %s; checking whether it was registered", path, type(exc).__name__)
                existing = self._find_created(cid, path, cancel)
                if existing is not None:
                    return existing
                if attempt >= self.http.policy.max_attempts:
                    raise
                sleep_cancellable(self.http.policy.delay(attempt), cancel)

    def update_tile(self, collection_id: str, tile: Tile, cancel: CancelFn = None) -> None:
        """Update a tile's ``path``, ``coverGeometry`` and ``sensingTime`` (PUT)."""
        cid = _check_id(collection_id, "collection id")
        tid = _check_id(tile.id or "", "tile id")
        self.http.request(
            "PUT",
            f"{self.root}/collections/{cid}/tiles/{tid}",
            json_body=tile.to_payload(),
            expected=(204, 200),
            cancel=cancel,
        )

    def delete_tile(self, collection_id: str, tile_id: str, cancel: CancelFn = None) -> None:
        """Delete a tile."""
        cid = _check_id(collection_id, "collection id")
        tid = _check_id(tile_id, "tile id")
        self.http.request("DELETE", f"{self.root}/collections/{cid}/tiles/{tid}", expected=(204, 200), cancel=cancel)

    def reingest_tile(self, collection_id: str, tile_id: str, cancel: CancelFn = None) -> None:
        """Ask the service to ingest a tile again (e.g. after fixing its files)."""
        cid = _check_id(collection_id, "collection id")
        tid = _check_id(tile_id, "tile id")
        self.http.request(
            "POST",
            f"{self.root}/collections/{cid}/tiles/{tid}/reingest",
            headers={"Content-Type": "application/json"},
            expected=(204, 200),
            cancel=cancel,
        )


_EMPTY_DATA = re.compile(rb'^\s*\{\s*"data"\s*:\s*\[\s*\]')


def _tail_links(body: bytes) -> Optional[Dict[str, Any]]:
    """``{"links": {...}}`` when ``links`` is the envelope's last member (decoded from the tail only)."""
    idx = body.rfind(b'"links"', max(0, len(body) - 8192))
    if idx < 0:
        return None
    try:
        tail = json.loads(b"{" + body[idx:])
    except ValueError:
        return None
    return tail if isinstance(tail, dict) and isinstance(tail.get("links"), dict) else None


def _page_items(page: Any, path: str) -> List[dict]:
    items = page.get("data") if isinstance(page, dict) else None
    if not isinstance(items, list):
        raise SentinelHubError(f"GET {path}: the answer has no 'data' list")
    return items


def _data(payload: Any, what: str) -> Dict[str, Any]:
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        raise SentinelHubError(f"the service's {what} answer has no 'data' object")
    return data
