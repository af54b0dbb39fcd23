"""`make package` builds a clean zip, and QGIS loads the plugin from a fresh profile holding only that zip."""

from __future__ import annotations

import configparser
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from .qgis_helpers import assert_byoc_listed, make_profile, qgis_process_json

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    venv = os.environ.get("BYOC_VENV", str(REPO / ".venv"))
    env = dict(os.environ)
    subprocess.run(
        ["make", "--no-print-directory", "package", f"DIST={dist}", f"VENV={os.path.relpath(venv, REPO)}"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt")
    path = dist / f"byoc_qgis-{parser['general']['version']}.zip"
    assert path.is_file()
    return path


def test_zip_has_one_plugin_folder_with_license_metadata_and_no_junk(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"byoc_qgis"}
    for required in (
        "byoc_qgis/__init__.py",
        "byoc_qgis/metadata.txt",
        "byoc_qgis/LICENSE",
        "byoc_qgis/icons/byoc.svg",
        "byoc_qgis/processing/provider.py",
    ):
        assert required in names
    junk = [
        n
        for n in names
        if "__pycache__" in n
        or n.endswith(".pyc")
        or "/tests/" in n
        or n.startswith("byoc_qgis/localhub")
        or ".git" in n
    ]
    assert junk == []


def test_zip_has_no_test_or_benchmark_helper(plugin_zip):
    """Helpers of the tests and benchmarks (the stall watchdog, fixtures, bench code) never ship."""
    shipped = {n.rsplit("/", 1)[-1] for n in zipfile.ZipFile(plugin_zip).namelist()}
    helpers = {p.name for folder in ("tests", "benchmarks") for p in (REPO / folder).glob("*.py")} - {"__init__.py"}
    assert "watchdog.py" in helpers
    assert sorted(helpers & shipped) == []


def test_zip_contains_compiled_translations(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    sources = sorted(p.stem for p in (REPO / "i18n").glob("*.ts"))
    assert sources, "i18n/ must hold at least one .ts source"
    for stem in sources:
        assert f"byoc_qgis/i18n/{stem}.qm" in names


def test_zip_metadata_is_a_real_file_equal_to_the_root(plugin_zip):
    with zipfile.ZipFile(plugin_zip) as zf:
        text = zf.read("byoc_qgis/metadata.txt").decode()
    root = (REPO / "metadata.txt").read_text()
    for line in root.splitlines():
        if line and not line.startswith("["):
            assert line in text


def test_fresh_profile_with_only_the_zip_loads_the_plugin(plugin_zip, tmp_path):
    home = tmp_path / "home"
    profile = make_profile(home)
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    plugins_state = qgis_process_json(["plugins"], home, plugin_path=None)
    assert plugins_state["plugins"]["byoc_qgis"]["loaded"] is True
    assert_byoc_listed(home, plugin_path=None)
