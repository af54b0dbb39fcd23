"""metadata.txt is complete and is the single source of the plugin's metadata."""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REQUIRED = [
    "name",
    "qgisMinimumVersion",
    "qgisMaximumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "homepage",
    "tracker",
    "repository",
    "tags",
    "category",
    "icon",
    "experimental",
    "hasProcessingProvider",
    "changelog",
]


def _metadata(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["general"]


def test_every_field_is_present_and_non_empty():
    meta = _metadata(REPO / "metadata.txt")
    missing = [key for key in REQUIRED if not meta.get(key, "").strip()]
    assert missing == []


def test_values_follow_the_rules():
    meta = _metadata(REPO / "metadata.txt")
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta["category"] == "Web"
    assert meta["experimental"] == "True"
    assert meta["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])
    assert (REPO / "byoc_qgis" / meta["icon"]).is_file()
    for key in ("homepage", "tracker", "repository"):
        assert meta[key].startswith("https://"), key
    assert "plugin" not in meta["name"].lower()
    assert "supportsQt6" not in meta


def test_plugin_folder_uses_the_root_metadata_and_license():
    for name in ("metadata.txt", "LICENSE"):
        link = REPO / "byoc_qgis" / name
        assert link.is_symlink(), f"byoc_qgis/{name} must link to the root copy"
        assert os.path.realpath(link) == str((REPO / name).resolve())


def test_license_is_gpl2():
    assert "GNU GENERAL PUBLIC LICENSE" in (REPO / "LICENSE").read_text()
    assert "Version 2" in (REPO / "LICENSE").read_text()[:200]
