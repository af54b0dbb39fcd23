"""ARCHITECTURE.md stays true: its behaviour table names modules, algorithm ids and dock actions that exist, lists
every algorithm of the provider and every action of the dock, and the plugin's imports go the way it says."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path
from typing import Dict, List, Set, Tuple

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "byoc_qgis"
DOC = REPO / "ARCHITECTURE.md"

#: what each layer may import of the plugin (ARCHITECTURE.md, "The layers of the plugin")
ALLOWED = {
    "core": {"core"},
    "processing": {"core", "processing", "translation", "wording"},
    "gui": {"core", "processing", "live", "gui", "translation", "wording"},
    "live": {"core", "gui", "live", "translation", "wording"},
    "wording": {"core", "translation", "wording"},
}


def _behaviour_rows() -> List[Tuple[str, List[str], List[str], List[str], List[str]]]:
    """(behaviour, core modules, algorithm ids, dock actions, other GUI modules) of each row of the table."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Where each behaviour lives", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] == "Behaviour" or set(cells[0]) <= {"-"}:
            continue

        def names(cell: str) -> List[str]:
            return re.findall(r"`([^`]+)`", cell)

        rows.append((cells[0], names(cells[1]), names(cells[2]), names(cells[3]), names(cells[4])))
    return rows


def test_the_table_has_rows():
    rows = _behaviour_rows()
    assert len(rows) >= 25, rows
    assert all(modules for _b, modules, _a, _d, _g in rows), [r for r in rows if not r[1]]


def test_every_module_in_the_table_exists():
    missing = []
    for behaviour, modules, _algs, _actions, gui in _behaviour_rows():
        for name in modules + gui:
            if not _exists(f"byoc_qgis.{name}"):
                missing.append((behaviour, name))
    assert missing == []


def _exists(dotted: str) -> bool:
    """A module, or an attribute of a module (``byoc_qgis.gui.tiles_open.open_tiles_layer``)."""
    try:
        importlib.import_module(dotted)
        return True
    except ImportError:
        module, _, attribute = dotted.rpartition(".")
        try:
            return hasattr(importlib.import_module(module), attribute)
        except ImportError:
            return False


def test_the_table_lists_exactly_the_providers_algorithms(qgis_app):
    from byoc_qgis.processing.provider import algorithm_classes

    provider_ids = {f"byoc:{cls().name()}" for cls in algorithm_classes()}
    table_ids: Set[str] = {alg for _b, _m, algs, _d, _g in _behaviour_rows() for alg in algs}
    assert table_ids - provider_ids == set(), "in ARCHITECTURE.md but not in the provider"
    assert provider_ids - table_ids == set(), "algorithms missing from ARCHITECTURE.md"


def test_the_table_lists_exactly_the_docks_actions(qgis_app, qgis_iface, qgis_new_project):
    from qgis.PyQt.QtWidgets import QAction

    from byoc_qgis.gui.dock import ByocDock

    from .test_gui_support import ensure_provider

    ensure_provider()
    dock = ByocDock(qgis_iface)
    try:
        dock_actions = {name for name, value in vars(dock).items() if isinstance(value, QAction)}
        dock_actions |= {f"batch.{name}" for name, value in vars(dock.batch).items() if isinstance(value, QAction)}
        table_actions = {act for _b, _m, _a, acts, _g in _behaviour_rows() for act in acts}
        assert table_actions - dock_actions == set(), "in ARCHITECTURE.md but not actions of the dock"
        assert dock_actions - table_actions == set(), "dock actions missing from ARCHITECTURE.md"
    finally:
        dock.cleanup()
        dock.deleteLater()


def _plugin_imports(source: str, here: List[str]) -> Set[str]:
    """The top-level parts of the plugin (core, gui, processing, live, translation, ...) that ``source``, a module
    in the package folder ``here`` (e.g. ["core"]), imports."""
    found: Set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
            parts = base + (node.module.split(".") if node.module else [])
        elif node.module and node.module.split(".")[0] == "byoc_qgis":
            parts = node.module.split(".")[1:]
        else:
            continue
        if parts:
            found.add(parts[0])
        else:  # "from .. import x": x is a part of the package
            found.update(alias.name for alias in node.names)
    return found


def test_imports_point_down_the_layers():
    wrong: Dict[str, Set[str]] = {}
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            here = list(path.relative_to(PACKAGE).parent.parts)
            extra = _plugin_imports(path.read_text(encoding="utf-8"), here) - allowed
            if extra:
                wrong[str(path.relative_to(REPO))] = extra
    assert wrong == {}


def test_the_import_check_sees_a_wrong_import():
    """The checkers see what is wrong (so the tests above can fail)."""
    assert not _exists("byoc_qgis.gui.tiles_open.no_such_function") and not _exists("byoc_qgis.core.no_such")
    source = "from ..gui.dock import ByocDock\nfrom .models import Tile\nfrom .. import live\nimport os\n"
    assert _plugin_imports(source, ["core"]) == {"gui", "core", "live"}
    assert _plugin_imports("from byoc_qgis.processing import provider\n", ["core"]) == {"processing"}
    assert _plugin_imports("from ...core.byoc import ByocClient\n", ["processing", "algorithms"]) == {"core"}
