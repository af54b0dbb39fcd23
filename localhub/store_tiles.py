"""Tiles of the BYOC store: create, list, update, delete, reingest, copy, and their ingestion state (generation
compare-and-set, so a result for an older ingestion of a tile is never written)."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from .sqlite_store import SqliteStore
from .store_rows import TILE_COLS, dumps, loads, tile_wire
from .wire import now_created

TILE_STATUSES = ("WAITING", "QUEUED", "INGESTING", "INGESTED", "FAILED")
IN_FLIGHT = ("WAITING", "QUEUED", "INGESTING")
_SORTS = {
    None: "seq ASC",
    "created:asc": "seq ASC",
    "created:desc": "seq DESC",
    "path:asc": "path ASC, seq ASC",
    "path:desc": "path DESC, seq DESC",
}


class DuplicatePath(Exception):
    """A tile with this path already exists in the collection."""


class TileRows(SqliteStore):
    """The ``tiles`` table (part of :class:`~localhub.store.Store`)."""

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
                    (tid, collection_id, path, "WAITING", sensing_time, created, created, dumps(cover_given)),
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
                dumps(t.get("coverGeometry")),
                dumps(t.get("tileGeometry")),
                dumps(t.get("additionalData")),
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
                        (path, sensing_time, dumps(cover_given), now_created(), tile_id, collection_id),
                    )
                else:
                    con.execute(
                        "UPDATE tiles SET path=?, sensing_time=?, cover_given=?, cover=? "
                        "WHERE id=? AND collection_id=?",
                        (path, sensing_time, dumps(cover_given), dumps(cover), tile_id, collection_id),
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
        out["cover_given"] = loads(out["cover_given"])
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
                    dumps(result.get("coverGeometry")),
                    dumps(result.get("tileGeometry")),
                    dumps(result.get("additionalData")),
                    result.get("epsg"),
                    result.get("coarseMpp"),
                    dumps(result.get("wgs84Bbox")),
                    tile_id,
                ),
            )
            con.execute("UPDATE collections SET requires_metadata_update=1 WHERE id=?", (row[0],))
            return row[0]
