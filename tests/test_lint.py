"""ruff is clean over the whole tree (the same check as `make lint`), so CI catches style regressions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PATHS = ["byoc_qgis", "localhub", "tests", "benchmarks", "scripts"]


@pytest.mark.skipif(os.environ.get("BYOC_LANE", "host") != "host", reason="style is checked once, in the host lane")
def test_ruff_check_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", *PATHS], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-6000:]


def test_plugin_core_imports_no_gui():
    """byoc_qgis/core holds the logic and must not import qgis.gui or iface (qgis.core only in adapters)."""
    offenders = []
    for path in (REPO / "byoc_qgis" / "core").rglob("*.py"):
        text = path.read_text()
        if "qgis.gui" in text or "import iface" in text or "qgis.utils" in text:
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_plugin_has_no_forbidden_runtime_dependencies():
    """The plugin may only use what QGIS ships (no boto3, shapely, pyproj, jwt, fastapi...)."""
    forbidden = (
        "boto3",
        "botocore",
        "shapely",
        "pyproj",
        "jwt",
        "fastapi",
        "moto",
        "localhub",
        "sentinelhub",
    )
    offenders = []
    for path in (REPO / "byoc_qgis").rglob("*.py"):
        for line in path.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                module = stripped.split()[1].split(".")[0]
                if module in forbidden:
                    offenders.append(f"{path.relative_to(REPO)}: {stripped}")
    assert offenders == []


def test_translation_sources_list_every_tr_string():
    """i18n/*.ts hold every tr() string of the plugin (run `make translations-update` after adding strings)."""
    result = subprocess.run(
        [sys.executable, "scripts/update_translations.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


QT6_RULES = [
    (r"^\s*(from|import)\s+PyQt[56]\b", "import Qt through qgis.PyQt, never PyQt5/PyQt6 directly"),
    (r"\.exec_\(", "use exec(), exec_() is gone in PyQt6"),
    (r"\bQRegExp\b", "QRegExp is gone in Qt6: use QRegularExpression"),
    (
        r"\bQgsWkbTypes\.(NoGeometry|Point|LineString|Polygon|MultiPolygon|MultiPoint|Unknown)\b",
        "unscoped geometry type: use fields.WkbType (Qgis.WkbType in QGIS 4)",
    ),
    (
        r"\bQt\.(Align(?!mentFlag\b)\w+|Checked|Unchecked|UserRole|DisplayRole|\w+DockWidgetArea|Horizontal|Vertical)\b",
        "unscoped Qt enum: use the scoped form, e.g. Qt.AlignmentFlag.AlignLeft",
    ),
    (r"\bQgis\.(Info|Warning|Critical|Success)\b", "unscoped message level: use Qgis.MessageLevel.X"),
    (
        r"\bQgs(Processing\w*|FeatureSink)\.(Type[A-Z]\w*|Flag[A-Z]\w*|Double|Integer|File|Folder|Any|String|Numeric"
        r"|DateTime|Boolean|FastInsert)\b",
        "unscoped Processing enum: use the scoped form, e.g. QgsProcessingParameterNumber.Type.Double, "
        "QgsProcessing.SourceType.TypeVector (QGIS 3.22 sip, 3.40 and Qt6 builds all have it)",
    ),
    (r"\bimport\s+resources\b|resources_rc", "no compiled Qt resources: load icons from files"),
]


def test_plugin_code_is_ready_for_qt6_and_qgis4():
    """flake8-qgis QGS1xx/QGS4xx-style rules the QGIS 4 migration needs (QVariant types only in fields.py)."""
    import re

    offenders = []
    for path in (REPO / "byoc_qgis").rglob("*.py"):
        text = path.read_text()
        rules = QT6_RULES + ([] if path.name == "fields.py" else [(r"\bQVariant\.[A-Z]", "QVariant type constant")])
        for lineno, line in enumerate(text.splitlines(), 1):
            for pattern, why in rules:
                if re.search(pattern, line):
                    offenders.append(f"{path.relative_to(REPO)}:{lineno}: {why}: {line.strip()}")
    assert offenders == []
