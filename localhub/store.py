"""SQLite (WAL) persistence of accounts, collections and tiles, and their wire form.

One connection per thread; writes are serialised by a process-wide lock so API handlers and ingestion workers never
meet ``database is locked``. Everything the API returns is built here from rows, in the real service's key order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import statistics
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from .wire import format_sensing_time, now_created

ACCOUNT_NAMESPACE = uuid.UUID("5d1b2f0e-8c4a-4f0b-9a57-6c1f3e2d9b10")
TILE_STATUSES = ("WAITING", "QUEUED", "INGESTING", "INGESTED", "FAILED")
IN_FLIGHT = ("WAITING", "QUEUED", "INGESTING")
MIN_MAX_METERS_PER_PIXEL = 500.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    client_id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, salt TEXT NOT NULL,
    account_id TEXT NOT NULL, user_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS collections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, account_id TEXT NOT NULL, user_id TEXT,
    name TEXT NOT NULL, s3_bucket TEXT NOT NULL, created TEXT, no_data TEXT, bands TEXT, extra TEXT, meta TEXT,
    requires_metadata_update INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS collections_account ON collections(account_id, seq);
CREATE TABLE IF NOT EXISTS tiles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, collection_id TEXT NOT NULL,
    path TEXT NOT NULL, status TEXT NOT NULL, sensing_time TEXT, created TEXT NOT NULL, ingestion_start TEXT,
    cover_given TEXT, cover TEXT, tile_geometry TEXT, additional_data TEXT, epsg INTEGER, coarse_mpp REAL,
    wgs84_bbox TEXT, gen INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS tiles_path ON tiles(collection_id, path);
CREATE INDEX IF NOT EXISTS tiles_collection ON tiles(collection_id, seq);
CREATE INDEX IF NOT EXISTS tiles_status ON tiles(collection_id, status, seq);
CREATE INDEX IF NOT EXISTS tiles_in_flight ON tiles(status);
"""

TILE_COLS = (
    "id, created, ingestion_start, sensing_time, cover, cover_given, tile_geometry, path, status, additional_data"
)
COLLECTION_COLS = (
    "id, user_id, account_id, name, s3_bucket, bands, extra, meta, created, no_data, requires_metadata_update"
)
_SORTS = {
    None: "seq ASC",
    "created:asc": "seq ASC",
    "created:desc": "seq DESC",
    "path:asc": "path ASC, seq ASC",
    "path:desc": "path DESC, seq DESC",
}


class DuplicatePath(Exception):
    """A tile with this path already exists in the collection."""


def _loads(text: Optional[str]) -> Any:
    return None if text is None else json.loads(text)


def _dumps(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, separators=(",", ":"))


def tile_wire(row: Sequence[Any]) -> Dict[str, Any]:
    """Wire form of a tile row (``TILE_COLS`` order) in the real key order; absent values are left out."""
    tid, created, ingestion_start, sensing, cover, cover_given, tile_geometry, path, status, additional = row
    out: Dict[str, Any] = {"id": tid, "created": created}
    if ingestion_start is not None:
        out["ingestionStart"] = ingestion_start
    if sensing is not None:
        out["sensingTime"] = format_sensing_time(sensing)
    cover_text = cover if cover is not None else cover_given
    if cover_text is not None:
        out["coverGeometry"] = json.loads(cover_text)
    if tile_geometry is not None:
        out["tileGeometry"] = json.loads(tile_geometry)
    out["path"] = path
    out["status"] = status
    if additional is not None:
        out["additionalData"] = json.loads(additional)
    return out


def collection_wire(row: Sequence[Any]) -> Dict[str, Any]:
    """Wire form of a collection row (``COLLECTION_COLS`` order)."""
    cid, user_id, account_id, name, bucket, bands, extra, meta, created, no_data, requires_update = row
    additional: Dict[str, Any] = {}
    bands_value = _loads(bands)
    if bands_value:
        additional["bands"] = bands_value
    additional.update(_loads(meta) or {})
    additional.update(_loads(extra) or {})
    out: Dict[str, Any] = {"id": cid}
    if user_id:
        out["userId"] = user_id
    out["accountId"] = account_id
    out["name"] = name
    out["s3Bucket"] = bucket
    out["additionalData"] = additional
    out["created"] = created
    if no_data is not None:
        out["noData"] = json.loads(no_data)
    out["requiresMetadataUpdate"] = bool(requires_update)
    out["isConfigured"] = bool(bands_value)
    return out


def _hash_secret(secret: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), salt.encode(), 1000).hex()


class Store:
    """All persistent state of one localhub, in ``<data_dir>/localhub.sqlite3``."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / "localhub.sqlite3"
        self._local = threading.local()
        self._connections: List[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.RLock()
        with self._write_lock:
            self._con().executescript(_SCHEMA)

    # -- connections -------------------------------------------------------------------------------------------
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False, timeout=30)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA busy_timeout=30000")
            self._local.con = con
            with self._connections_lock:
                self._connections.append(con)
        return con

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        con = self._con()
        with self._write_lock:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def close(self) -> None:
        """Close every connection (call once, at shutdown)."""
        with self._connections_lock:
            for con in self._connections:
                try:
                    con.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
        self._local = threading.local()

    # -- accounts ----------------------------------------------------------------------------------------------
    def upsert_account(self, client_id: str, client_secret: str, account_id: Optional[str] = None) -> str:
        """Create or update an OAuth client; return its account id (stable per client id unless given)."""
        account_id = account_id or str(uuid.uuid5(ACCOUNT_NAMESPACE, "account:" + client_id))
        user_id = str(uuid.uuid5(ACCOUNT_NAMESPACE, "user:" + client_id))
        salt = secrets.token_hex(8)
        with self._tx() as con:
            con.execute(
                "INSERT INTO accounts(client_id, secret_hash, salt, account_id, user_id) VALUES (?,?,?,?,?) "
                "ON CONFLICT(client_id) DO UPDATE SET secret_hash=excluded.secret_hash, salt=excluded.salt, "
                "account_id=excluded.account_id, user_id=excluded.user_id",
                (client_id, _hash_secret(client_secret, salt), salt, account_id, user_id),
            )
        return account_id

    def authenticate(self, client_id: str, client_secret: str) -> Optional[Tuple[str, str]]:
        """(account id, user id) when the client credentials are right, else None."""
        row = (
            self._con()
            .execute("SELECT secret_hash, salt, account_id, user_id FROM accounts WHERE client_id=?", (client_id,))
            .fetchone()
        )
        if row is None:
            _hash_secret(client_secret, "timing")  # same work either way
            return None
        if not hmac.compare_digest(row[0], _hash_secret(client_secret, row[1])):
            return None
        return row[2], row[3]

    def account_user(self, account_id: str) -> Optional[str]:
        """The user id belonging to an account id."""
        row = self._con().execute("SELECT user_id FROM accounts WHERE account_id=?", (account_id,)).fetchone()
        return row[0] if row else None

    # -- collections -------------------------------------------------------------------------------------------
    def create_collection(
        self,
        account_id: str,
        name: str,
        s3_bucket: str,
        bands: Optional[dict],
        no_data: Any,
        extra: Optional[dict],
    ) -> Dict[str, Any]:
        """Insert a collection; return its wire form."""
        cid = str(uuid.uuid4())
        with self._tx() as con:
            con.execute(
                "INSERT INTO collections(id, account_id, user_id, name, s3_bucket, created, no_data, bands, extra, "
                "meta, requires_metadata_update) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
                (
                    cid,
                    account_id,
                    self.account_user(account_id),
                    name,
                    s3_bucket,
                    now_created(),
                    _dumps(no_data),
                    _dumps(bands or None),
                    _dumps(extra or None),
                    None,
                ),
            )
        found = self.get_collection(account_id, cid)
        if found is None:
            raise RuntimeError(f"collection {cid} vanished right after its creation")
        return found

    def get_collection(self, account_id: str, collection_id: str) -> Optional[Dict[str, Any]]:
        """Wire form of a collection of ``account_id``; None when absent or another account's."""
        row = (
            self._con()
            .execute(
                f"SELECT {COLLECTION_COLS} FROM collections WHERE id=? AND account_id=?",  # noqa: S608
                (collection_id, account_id),
            )
            .fetchone()
        )
        return collection_wire(row) if row else None

    def collection_internal(self, collection_id: str) -> Optional[Dict[str, Any]]:
        """A collection's fields regardless of account (ingestion): id, account_id, s3Bucket, bands, noData."""
        row = (
            self._con()
            .execute("SELECT id, account_id, s3_bucket, bands, no_data FROM collections WHERE id=?", (collection_id,))
            .fetchone()
        )
        if row is None:
            return None
        return {
            "id": row[0],
            "account_id": row[1],
            "s3Bucket": row[2],
            "bands": _loads(row[3]) or {},
            "noData": _loads(row[4]),
        }

    def list_collections(
        self, account_id: str, search: Optional[str], offset: int, count: int
    ) -> Tuple[List[Dict[str, Any]], bool]:
        """A page of an account's collections matching ``search`` (see :func:`search_matches`)."""
        rows = (
            self._con()
            .execute(f"SELECT {COLLECTION_COLS} FROM collections WHERE account_id=? ORDER BY seq", (account_id,))  # noqa: S608
            .fetchall()
        )
        items = [collection_wire(r) for r in rows]
        if search:
            items = [c for c in items if search_matches(search, (c["name"], c["id"], c["s3Bucket"]))]
        page = items[offset : offset + count]
        return page, offset + count < len(items)

    def update_collection(
        self,
        collection_id: str,
        name: str,
        s3_bucket: str,
        no_data: Any,
        bands: Optional[dict],
        extra: Optional[dict],
        replace_additional: bool,
    ) -> None:
        """Apply a validated PUT. ``replace_additional`` False keeps bands and extra settings."""
        with self._tx() as con:
            if replace_additional:
                con.execute(
                    "UPDATE collections SET name=?, s3_bucket=?, no_data=?, bands=?, extra=? WHERE id=?",
                    (name, s3_bucket, _dumps(no_data), _dumps(bands or None), _dumps(extra or None), collection_id),
                )
            else:
                con.execute(
                    "UPDATE collections SET name=?, s3_bucket=?, no_data=? WHERE id=?",
                    (name, s3_bucket, _dumps(no_data), collection_id),
                )

    def delete_collection(self, collection_id: str) -> None:
        """Delete a collection and all its tiles (never any S3 object)."""
        with self._tx() as con:
            con.execute("DELETE FROM tiles WHERE collection_id=?", (collection_id,))
            con.execute("DELETE FROM collections WHERE id=?", (collection_id,))

    def set_collection_bands(self, collection_id: str, bands: dict, no_data: Any, only_if_empty: bool = True) -> bool:
        """Auto-configuration on first ingest: set bands (and collection noData) if none are set yet."""
        with self._tx() as con:
            row = con.execute("SELECT bands, no_data FROM collections WHERE id=?", (collection_id,)).fetchone()
            if row is None or (only_if_empty and _loads(row[0])):
                return False
            new_no_data = row[1] if row[1] is not None else _dumps(no_data)
            con.execute(
                "UPDATE collections SET bands=?, no_data=? WHERE id=?", (_dumps(bands), new_no_data, collection_id)
            )
            return True

    def tile_count(self, collection_id: str) -> int:
        """Number of tiles in a collection."""
        return self._con().execute("SELECT COUNT(*) FROM tiles WHERE collection_id=?", (collection_id,)).fetchone()[0]

    def mark_metadata_stale(self, collection_id: str) -> None:
        """Set ``requiresMetadataUpdate``."""
        with self._tx() as con:
            con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (collection_id,))

    def refresh_collection_metadata(self, collection_id: str) -> None:
        """Recompute extent, sensing times and maxMetersPerPixel from the INGESTED tiles; clear the stale flag."""
        con = self._con()
        rows = con.execute(
            "SELECT sensing_time, coarse_mpp, wgs84_bbox FROM tiles WHERE collection_id=? AND status='INGESTED'",
            (collection_id,),
        ).fetchall()
        meta: Dict[str, Any] = {}
        mpps = [r[1] for r in rows if r[1] is not None]
        if mpps:
            meta["maxMetersPerPixel"] = max(MIN_MAX_METERS_PER_PIXEL, 5.0 * float(statistics.median(mpps)))
        boxes = [json.loads(r[2]) for r in rows if r[2] is not None]
        if boxes:
            from .geometry import polygon_dict

            meta["extent"] = polygon_dict(
                (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
            )
        times = [r[0] for r in rows if r[0] is not None]
        if not rows or not times:
            meta["hasSensingTimes"] = "NO"
        else:
            meta["hasSensingTimes"] = "YES" if len(times) == len(rows) else "PARTIALLY"
            meta["fromSensingTime"] = format_sensing_time(min(times))
            meta["toSensingTime"] = format_sensing_time(max(times))
        with self._tx() as con2:
            con2.execute(
                "UPDATE collections SET meta=?, requires_metadata_update=0 WHERE id=?", (_dumps(meta), collection_id)
            )

    # -- tiles -------------------------------------------------------------------------------------------------
    def create_tile(
        self, collection_id: str, path: str, sensing_time: Optional[str], cover_given: Optional[dict]
    ) -> Dict[str, Any]:
        """Insert a WAITING tile; raise :class:`DuplicatePath` when the path exists in the collection."""
        tid = str(uuid.uuid4())
        created = now_created()
        try:
            with self._tx() as con:
                con.execute(
                    "INSERT INTO tiles(id, collection_id, path, status, sensing_time, created, ingestion_start, "
                    "cover_given) VALUES (?,?,?,?,?,?,?,?)",
                    (tid, collection_id, path, "WAITING", sensing_time, created, created, _dumps(cover_given)),
                )
                con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (collection_id,))
        except sqlite3.IntegrityError:
            raise DuplicatePath(path) from None
        tile = self.get_tile(collection_id, tid)
        if tile is None:
            raise RuntimeError(f"tile {tid} vanished right after its creation")
        return tile

    def bulk_insert_tiles(self, collection_id: str, tiles: Iterable[Dict[str, Any]]) -> int:
        """Insert many tiles at once (benchmarks, fixtures): dicts with ``path`` and optional ``status``,
        ``sensingTime`` (stored form), ``coverGeometry``, ``tileGeometry``, ``additionalData``."""
        created = now_created()
        rows = [
            (
                str(uuid.uuid4()),
                collection_id,
                t["path"],
                t.get("status", "INGESTED"),
                t.get("sensingTime"),
                created,
                created,
                _dumps(t.get("coverGeometry")),
                _dumps(t.get("tileGeometry")),
                _dumps(t.get("additionalData")),
            )
            for t in tiles
        ]
        with self._tx() as con:
            con.executemany(
                "INSERT INTO tiles(id, collection_id, path, status, sensing_time, created, ingestion_start, cover, "
                "tile_geometry, additional_data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return len(rows)

    def get_tile(self, collection_id: str, tile_id: str) -> Optional[Dict[str, Any]]:
        """Wire form of a tile, or None."""
        row = (
            self._con()
            .execute(f"SELECT {TILE_COLS} FROM tiles WHERE id=? AND collection_id=?", (tile_id, collection_id))  # noqa: S608
            .fetchone()
        )
        return tile_wire(row) if row else None

    def list_tiles(
        self,
        collection_id: str,
        offset: int,
        count: int,
        status: Optional[str] = None,
        path: Optional[str] = None,
        sort: Optional[str] = None,
    ) -> Tuple[List[Dict[str, Any]], bool]:
        """A page of tiles (one extra row tells whether more exist)."""
        where = ["collection_id=?"]
        args: List[Any] = [collection_id]
        if status is not None:
            where.append("status=?")
            args.append(status)
        if path is not None:
            where.append("path=?")
            args.append(path)
        sql = f"SELECT {TILE_COLS} FROM tiles WHERE {' AND '.join(where)} ORDER BY {_SORTS[sort]} LIMIT ? OFFSET ?"  # noqa: S608 - constant fragments
        rows = self._con().execute(sql, (*args, count + 1, offset)).fetchall()
        return [tile_wire(r) for r in rows[:count]], len(rows) > count

    def iter_tiles(self, collection_id: str, status: Optional[str] = None) -> Iterator[Dict[str, Any]]:
        """Every tile of a collection (wire form) in creation order, optionally only one status."""
        last = -1
        while True:
            sql = f"SELECT seq, {TILE_COLS} FROM tiles WHERE collection_id=? AND seq>?"  # noqa: S608
            args: List[Any] = [collection_id, last]
            if status is not None:
                sql += " AND status=?"
                args.append(status)
            rows = self._con().execute(sql + " ORDER BY seq LIMIT 500", args).fetchall()
            if not rows:
                return
            for row in rows:
                yield tile_wire(row[1:])
            last = rows[-1][0]

    def update_tile(
        self,
        collection_id: str,
        tile_id: str,
        path: str,
        sensing_time: Optional[str],
        cover_given: Optional[dict],
        cover: Optional[dict],
        reingest: bool,
    ) -> None:
        """Apply a validated tile PUT; ``reingest`` puts the tile back to WAITING (path changed)."""
        try:
            with self._tx() as con:
                if reingest:
                    con.execute(
                        "UPDATE tiles SET path=?, sensing_time=?, cover_given=?, cover=NULL, tile_geometry=NULL, "
                        "additional_data=NULL, status='WAITING', ingestion_start=?, gen=gen+1 WHERE id=? "
                        "AND collection_id=?",
                        (path, sensing_time, _dumps(cover_given), now_created(), tile_id, collection_id),
                    )
                else:
                    con.execute(
                        "UPDATE tiles SET path=?, sensing_time=?, cover_given=?, cover=? "
                        "WHERE id=? AND collection_id=?",
                        (path, sensing_time, _dumps(cover_given), _dumps(cover), tile_id, collection_id),
                    )
                con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (collection_id,))
        except sqlite3.IntegrityError:
            raise DuplicatePath(path) from None

    def tile_internal(self, tile_id: str) -> Optional[Dict[str, Any]]:
        """Fields ingestion needs: id, collection_id, path, status, gen, cover_given, epsg."""
        row = (
            self._con()
            .execute("SELECT id, collection_id, path, status, gen, cover_given, epsg FROM tiles WHERE id=?", (tile_id,))
            .fetchone()
        )
        if row is None:
            return None
        keys = ("id", "collection_id", "path", "status", "gen", "cover_given", "epsg")
        out = dict(zip(keys, row))
        out["cover_given"] = _loads(out["cover_given"])
        return out

    def delete_tile(self, collection_id: str, tile_id: str) -> bool:
        """Delete a tile; False when it did not exist."""
        with self._tx() as con:
            cur = con.execute("DELETE FROM tiles WHERE id=? AND collection_id=?", (tile_id, collection_id))
            if cur.rowcount:
                con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (collection_id,))
            return cur.rowcount > 0

    def reingest_tile(self, collection_id: str, tile_id: str) -> bool:
        """Put a tile back to WAITING (new ingestion generation); False when it does not exist."""
        with self._tx() as con:
            cur = con.execute(
                "UPDATE tiles SET status='WAITING', ingestion_start=?, additional_data=NULL, gen=gen+1 "
                "WHERE id=? AND collection_id=?",
                (now_created(), tile_id, collection_id),
            )
            if cur.rowcount:
                con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (collection_id,))
            return cur.rowcount > 0

    def copy_tiles(self, source_id: str, target_id: str) -> int:
        """Copy INGESTED tiles whose path is not in the target yet; return how many were copied."""
        created = now_created()
        with self._tx() as con:
            rows = con.execute(
                "SELECT path, sensing_time, cover_given, cover, tile_geometry, additional_data, epsg, coarse_mpp, "
                "wgs84_bbox FROM tiles WHERE collection_id=? AND status='INGESTED' AND path NOT IN "
                "(SELECT path FROM tiles WHERE collection_id=?) ORDER BY seq",
                (source_id, target_id),
            ).fetchall()
            con.executemany(
                "INSERT INTO tiles(id, collection_id, path, status, sensing_time, created, ingestion_start, "
                "cover_given, cover, tile_geometry, additional_data, epsg, coarse_mpp, wgs84_bbox) "
                "VALUES (?,?,?,'INGESTED',?,?,?,?,?,?,?,?,?,?)",
                [(str(uuid.uuid4()), target_id, r[0], r[1], created, created, *r[2:]) for r in rows],
            )
            if rows:
                con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (target_id,))
        return len(rows)

    # -- ingestion state ---------------------------------------------------------------------------------------
    def in_flight_tiles(self) -> List[Tuple[str, int]]:
        """(tile id, generation) of tiles that were WAITING, QUEUED or INGESTING: put back to WAITING."""
        with self._tx() as con:
            rows = con.execute(
                "SELECT id, gen FROM tiles WHERE status IN ('WAITING','QUEUED','INGESTING') ORDER BY seq"
            ).fetchall()
            con.execute("UPDATE tiles SET status='WAITING' WHERE status IN ('QUEUED','INGESTING')")
        return [(r[0], r[1]) for r in rows]

    def transition(self, tile_id: str, gen: int, from_status: str, to_status: str) -> bool:
        """Move a tile between states if it is still in ``from_status`` at generation ``gen``."""
        with self._tx() as con:
            cur = con.execute(
                "UPDATE tiles SET status=? WHERE id=? AND gen=? AND status=?", (to_status, tile_id, gen, from_status)
            )
            return cur.rowcount > 0

    def finish_tile(self, tile_id: str, gen: int, result: Dict[str, Any]) -> Optional[str]:
        """Write an ingestion result (status INGESTED/FAILED, geometries, additionalData, path rewrite).

        Returns the tile's collection id when written, None when the tile changed or vanished meanwhile.
        """
        with self._tx() as con:
            row = con.execute(
                "SELECT collection_id FROM tiles WHERE id=? AND gen=? AND status='INGESTING'", (tile_id, gen)
            ).fetchone()
            if row is None:
                return None
            new_path = result.get("path")
            if new_path:
                clash = con.execute(
                    "SELECT 1 FROM tiles WHERE collection_id=? AND path=? AND id<>?", (row[0], new_path, tile_id)
                ).fetchone()
                if clash:
                    result = {
                        "status": "FAILED",
                        "additionalData": {
                            "failedIngestionCause": f"Another tile of the collection already has the path "
                            f"{new_path!r}; delete one of the two tiles."
                        },
                    }
                    new_path = None
            con.execute(
                "UPDATE tiles SET status=?, path=COALESCE(?, path), cover=?, tile_geometry=?, additional_data=?, "
                "epsg=?, coarse_mpp=?, wgs84_bbox=? WHERE id=?",
                (
                    result["status"],
                    new_path,
                    _dumps(result.get("coverGeometry")),
                    _dumps(result.get("tileGeometry")),
                    _dumps(result.get("additionalData")),
                    result.get("epsg"),
                    result.get("coarseMpp"),
                    _dumps(result.get("wgs84Bbox")),
                    tile_id,
                ),
            )
            con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (row[0],))
            return row[0]


def search_matches(query: str, fields: Sequence[str]) -> bool:
    """Collection ``search``: words joined by ``|`` (or) and ``&`` (and; binds tighter), case-insensitive
    substring match against name, id or bucket."""
    haystack = [f.lower() for f in fields if f]
    for group in query.split("|"):
        words = [w.strip().lower() for w in group.split("&") if w.strip()]
        if words and all(any(w in h for h in haystack) for w in words):
            return True
    return False
