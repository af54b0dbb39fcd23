"""Persistence of batch tasks and their cells in ``<data_dir>/batch.sqlite3`` (SQLite WAL, its own file).

The task's request is kept as the client sent it (delivery keys included: localhub needs them to deliver, also
after a restart); every wire form built here masks ``secretAccessKey``. Status changes are compare-and-set under
one write lock so the API and the executor never overwrite each other's transitions.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from ..sqlite_store import SqliteStore
from ..store_rows import search_matches
from ..wire import now_created

STATUSES = ("CREATED", "ANALYSING", "ANALYSIS_DONE", "PROCESSING", "DONE", "FAILED", "STOPPED")
MASK = "***"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tasks (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, account_id TEXT NOT NULL,
    request TEXT NOT NULL, status TEXT NOT NULL, user_action TEXT NOT NULL, user_action_updated TEXT,
    created TEXT NOT NULL, last_updated TEXT NOT NULL, completion REAL NOT NULL DEFAULT 0,
    cost_pu REAL NOT NULL DEFAULT 0, error TEXT, stopped_reason TEXT, stopped_at REAL,
    internal TEXT);
CREATE INDEX IF NOT EXISTS tasks_account ON tasks(account_id, seq);
CREATE INDEX IF NOT EXISTS tasks_status ON tasks(status);
CREATE TABLE IF NOT EXISTS cells (
    task_id TEXT NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, epsg INTEGER NOT NULL,
    minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
    width INTEGER NOT NULL, height INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'PENDING', error TEXT,
    delivered INTEGER NOT NULL DEFAULT 0, started INTEGER NOT NULL DEFAULT 0, cost REAL NOT NULL DEFAULT 0,
    registered INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (task_id, id));
CREATE INDEX IF NOT EXISTS cells_status ON cells(task_id, status);
"""

_TASK_COLS = (
    "id, account_id, request, status, user_action, user_action_updated, created, last_updated, completion, "
    "cost_pu, error, stopped_reason, stopped_at, internal"
)
_SORTS = {
    None: "seq ASC",
    "created": "seq ASC",
    "created:asc": "seq ASC",
    "created:desc": "seq DESC",
    "status": "status ASC, seq ASC",
    "status:asc": "status ASC, seq ASC",
    "status:desc": "status DESC, seq DESC",
}
SORTS = tuple(k for k in _SORTS if k)


def mask_request(request: Any) -> Any:
    """A copy of a request with every ``secretAccessKey`` (and GCS ``credentials``) replaced by ``***``."""
    if isinstance(request, dict):
        return {
            k: (MASK if k in ("secretAccessKey", "credentials") and v not in (None, "") else mask_request(v))
            for k, v in request.items()
        }
    if isinstance(request, list):
        return [mask_request(v) for v in request]
    return request


@dataclass
class Task:
    """A task row, decoded."""

    id: str
    account_id: str
    request: Dict[str, Any]
    status: str
    user_action: str
    user_action_updated: Optional[str]
    created: str
    last_updated: str
    completion: float
    cost_pu: float
    error: Optional[str]
    stopped_reason: Optional[str]
    stopped_at: Optional[float]
    internal: Dict[str, Any]

    def wire(self) -> Dict[str, Any]:
        """The service's task JSON (request echoed with the secret key masked)."""
        out: Dict[str, Any] = {
            "id": self.id,
            "request": mask_request(self.request),
            "domainAccountId": self.account_id,
            "status": self.status,
            "userAction": self.user_action,
            "userActionUpdated": self.user_action_updated,
            "created": self.created,
            "completionPercentage": round(float(self.completion), 2),
            "lastUpdated": self.last_updated,
            "costPU": round(float(self.cost_pu), 6),
            "stoppedStatusReason": self.stopped_reason,
        }
        if self.error:
            out["error"] = self.error
        return out


@dataclass
class Cell:
    """One cell (feature) of a task."""

    task_id: str
    id: int
    name: str
    epsg: int
    minx: float
    miny: float
    maxx: float
    maxy: float
    width: int
    height: int
    status: str = "PENDING"
    error: Optional[str] = None
    delivered: bool = False
    started: bool = False
    cost: float = 0.0
    registered: bool = False


def _task(row: Sequence[Any]) -> Task:
    return Task(
        id=row[0],
        account_id=row[1],
        request=json.loads(row[2]),
        status=row[3],
        user_action=row[4],
        user_action_updated=row[5],
        created=row[6],
        last_updated=row[7],
        completion=float(row[8] or 0.0),
        cost_pu=float(row[9] or 0.0),
        error=row[10],
        stopped_reason=row[11],
        stopped_at=row[12],
        internal=json.loads(row[13]) if row[13] else {},
    )


_CELL_COLS = (
    "task_id, id, name, epsg, minx, miny, maxx, maxy, width, height, status, error, delivered, started, cost, "
    "registered"
)


def _cell(row: Sequence[Any]) -> Cell:
    return Cell(*row[:12], bool(row[12]), bool(row[13]), float(row[14] or 0.0), bool(row[15]))


class BatchStore(SqliteStore):
    """Tasks and cells of one localhub."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(Path(data_dir) / "batch.sqlite3", _SCHEMA)

    # -- tasks -------------------------------------------------------------------------------------------------
    def create_task(self, account_id: str, request: Dict[str, Any]) -> Task:
        """Insert a CREATED task."""
        tid = str(uuid.uuid4())
        now = now_created()
        with self._tx() as con:
            con.execute(
                "INSERT INTO tasks(id, account_id, request, status, user_action, user_action_updated, created, "
                "last_updated) VALUES (?,?,?,?,?,?,?,?)",
                (tid, account_id, json.dumps(request), "CREATED", "NONE", None, now, now),
            )
        task = self.get_task(tid)
        if task is None:
            raise RuntimeError(f"batch task {tid} vanished right after its creation")
        return task

    def get_task(self, task_id: str, account_id: Optional[str] = None) -> Optional[Task]:
        """A task (of ``account_id`` when given), or None."""
        row = self._con().execute(f"SELECT {_TASK_COLS} FROM tasks WHERE id=?", (task_id,)).fetchone()  # noqa: S608
        if row is None or (account_id is not None and row[1] != account_id):
            return None
        return _task(row)

    def list_tasks(
        self, account_id: str, search: Optional[str], sort: Optional[str], offset: int, count: int
    ) -> Tuple[List[Task], bool]:
        """A page of an account's tasks; ``search`` matches id, description and status."""
        order = _SORTS[sort]
        rows = (
            self._con()
            .execute(f"SELECT {_TASK_COLS} FROM tasks WHERE account_id=? ORDER BY {order}", (account_id,))  # noqa: S608
            .fetchall()
        )
        tasks = [_task(r) for r in rows]
        if search:
            tasks = [
                t for t in tasks if search_matches(search, (t.id, str(t.request.get("description") or ""), t.status))
            ]
        return tasks[offset : offset + count], offset + count < len(tasks)

    def tasks_in(self, statuses: Iterable[str]) -> List[Task]:
        """Every task in one of ``statuses`` (resume after a restart)."""
        wanted = tuple(statuses)
        marks = ",".join("?" * len(wanted))
        sql = f"SELECT {_TASK_COLS} FROM tasks WHERE status IN ({marks}) ORDER BY seq"  # noqa: S608
        rows = self._con().execute(sql, wanted)
        return [_task(r) for r in rows.fetchall()]

    def transition(
        self,
        task_id: str,
        allowed: Iterable[str],
        status: Optional[str] = None,
        user_action: Optional[str] = None,
        **fields: Any,
    ) -> Tuple[bool, Optional[Task]]:
        """Atomically: when the task's status is in ``allowed``, set ``status``/``user_action``/fields.

        Returns (changed, task as it is now). ``fields``: completion, cost_pu, error, stopped_reason, stopped_at,
        internal (dict), request (dict).
        """
        allowed = set(allowed)
        with self._tx() as con:
            row = con.execute(f"SELECT {_TASK_COLS} FROM tasks WHERE id=?", (task_id,)).fetchone()  # noqa: S608
            if row is None:
                return False, None
            current = _task(row)
            if current.status not in allowed:
                return False, current
            sets, values = ["last_updated=?"], [now_created()]
            if status is not None:
                sets.append("status=?")
                values.append(status)
            if user_action is not None:
                sets += ["user_action=?", "user_action_updated=?"]
                values += [user_action, now_created()]
            for key, value in fields.items():
                if key in ("internal", "request"):
                    value = json.dumps(value)
                elif key not in ("completion", "cost_pu", "error", "stopped_reason", "stopped_at"):
                    raise ValueError(f"unknown task field {key}")
                sets.append(f"{key}=?")
                values.append(value)
            con.execute(f"UPDATE tasks SET {', '.join(sets)} WHERE id=?", (*values, task_id))  # noqa: S608
        return True, self.get_task(task_id)

    def update(self, task_id: str, decide: Callable[[Task], Optional[Dict[str, Any]]]) -> Optional[Task]:
        """Atomically read the task, let ``decide(task)`` return the changes (``status``, ``user_action`` and
        fields as in :meth:`transition`) or None for none; return the task as it is afterwards."""
        with self._write_lock:  # every write takes this lock: read + decide + write is atomic for this process
            current = self.get_task(task_id)
            if current is None:
                return None
            changes = decide(current)
            if changes:
                changes = dict(changes)
                status = changes.pop("status", None)
                action = changes.pop("user_action", None)
                self.transition(task_id, (current.status,), status, action, **changes)
        return self.get_task(task_id)

    def set_progress(self, task_id: str, completion: float, cost_pu: float) -> None:
        """Update completionPercentage and costPU (and lastUpdated)."""
        with self._tx() as con:
            con.execute(
                "UPDATE tasks SET completion=?, cost_pu=?, last_updated=? WHERE id=?",
                (float(completion), float(cost_pu), now_created(), task_id),
            )

    # -- cells -------------------------------------------------------------------------------------------------
    def replace_cells(self, task_id: str, cells: Iterable[Cell]) -> int:
        """Set the task's cells (analysis result); return how many."""
        rows = [
            (task_id, c.id, c.name, c.epsg, c.minx, c.miny, c.maxx, c.maxy, c.width, c.height, "PENDING", None)
            for c in cells
        ]
        with self._tx() as con:
            con.execute("DELETE FROM cells WHERE task_id=?", (task_id,))
            con.executemany(
                "INSERT INTO cells(task_id, id, name, epsg, minx, miny, maxx, maxy, width, height, status, error) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return len(rows)

    def cells(self, task_id: str, status: Optional[str] = None) -> List[Cell]:
        """The task's cells (all, or those with ``status``), by id."""
        sql = f"SELECT {_CELL_COLS} FROM cells WHERE task_id=?"  # noqa: S608
        args: Tuple[Any, ...] = (task_id,)
        if status is not None:
            sql += " AND status=?"
            args += (status,)
        return [_cell(r) for r in self._con().execute(sql + " ORDER BY id", args).fetchall()]

    def mark_started(self, task_id: str, cell_id: int) -> None:
        """The cell's outputs may be written from now on (a resumed task may overwrite them)."""
        with self._tx() as con:
            con.execute("UPDATE cells SET started=1 WHERE task_id=? AND id=?", (task_id, cell_id))

    def finish_cell(
        self, task_id: str, cell_id: int, status: str, error: Optional[str], delivered: bool, cost: float
    ) -> None:
        """Record a cell's outcome (DONE or FATAL)."""
        with self._tx() as con:
            con.execute(
                "UPDATE cells SET status=?, error=?, delivered=?, cost=? WHERE task_id=? AND id=?",
                (status, error, int(bool(delivered)), float(cost), task_id, cell_id),
            )

    def mark_registered(self, task_id: str, cell_id: int) -> None:
        """The cell's outputs are a tile of the task's collection."""
        with self._tx() as con:
            con.execute("UPDATE cells SET registered=1 WHERE task_id=? AND id=?", (task_id, cell_id))

    def counts(self, task_id: str) -> Tuple[int, int, float]:
        """(cells finished, cells in all, PU spent by cells)."""
        row = (
            self._con()
            .execute(
                "SELECT COUNT(*), SUM(CASE WHEN status!='PENDING' THEN 1 ELSE 0 END), SUM(cost) FROM cells "
                "WHERE task_id=?",
                (task_id,),
            )
            .fetchone()
        )
        return int(row[1] or 0), int(row[0] or 0), float(row[2] or 0.0)
