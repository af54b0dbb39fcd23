"""SQLite (WAL) persistence of accounts, collections and tiles, and their wire form.

One connection per thread; writes are serialised by a process-wide lock so API handlers and ingestion workers never
meet ``database is locked`` (:mod:`.sqlite_store`). Everything the API returns is built from rows, in the real
service's key order (:mod:`.store_rows`). This module holds the schema, accounts and collections; tiles and their
ingestion state are in :mod:`.store_tiles`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import statistics
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from .store_rows import COLLECTION_COLS, TILE_COLS, collection_wire, dumps, loads, search_matches, tile_wire
from .store_tiles import IN_FLIGHT, TILE_STATUSES, DuplicatePath, TileRows
from .wire import format_sensing_time, now_created

__all__ = [
    "COLLECTION_COLS",
    "IN_FLIGHT",
    "TILE_COLS",
    "TILE_STATUSES",
    "DuplicatePath",
    "Store",
    "collection_wire",
    "search_matches",
    "tile_wire",
]

ACCOUNT_NAMESPACE = uuid.UUID("5d1b2f0e-8c4a-4f0b-9a57-6c1f3e2d9b10")
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


def _hash_secret(secret: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), salt.encode(), 1000).hex()


class Store(TileRows):
    """All persistent state of one localhub, in ``<data_dir>/localhub.sqlite3``."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(Path(data_dir) / "localhub.sqlite3", _SCHEMA)

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
                    dumps(no_data),
                    dumps(bands or None),
                    dumps(extra or None),
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
            "bands": loads(row[3]) or {},
            "noData": loads(row[4]),
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
                    (name, s3_bucket, dumps(no_data), dumps(bands or None), dumps(extra or None), collection_id),
                )
            else:
                con.execute(
                    "UPDATE collections SET name=?, s3_bucket=?, no_data=? WHERE id=?",
                    (name, s3_bucket, dumps(no_data), collection_id),
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
            if row is None or (only_if_empty and loads(row[0])):
                return False
            new_no_data = row[1] if row[1] is not None else dumps(no_data)
            con.execute(
                "UPDATE collections SET bands=?, no_data=? WHERE id=?", (dumps(bands), new_no_data, collection_id)
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
                "UPDATE collections SET meta=?, requires_metadata_update=0 WHERE id=?", (dumps(meta), collection_id)
            )
