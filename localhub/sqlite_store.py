"""A SQLite file in WAL mode shared by threads: one connection per thread, write transactions serialised by a
process-wide lock (so API handlers and workers never meet ``database is locked``), all connections closed at
shutdown. The base of localhub's stores (:class:`~localhub.store.Store`, :class:`~localhub.batch.store.BatchStore`).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List


class SqliteStore:
    """Connections and transactions of one SQLite file, created with ``schema`` (idempotent DDL)."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._connections: List[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.RLock()
        with self._write_lock:
            self._con().executescript(schema)

    def _con(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
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
        """A write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any exception) under the write lock."""
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
