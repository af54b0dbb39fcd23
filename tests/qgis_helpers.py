"""Helpers for running QGIS tools (qgis_process, a fresh profile) from tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parent.parent
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def make_profile(home: Path, plugins: Sequence[str] = ("byoc_qgis",)) -> Path:
    """Create a fresh QGIS profile under ``home`` with the given Python plugins enabled; return its folder."""
    profile = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True, exist_ok=True)
    lines = ["[PythonPlugins]"] + [f"{name}=true" for name in plugins]
    (profile / "QGIS" / "QGIS3.ini").write_text("\n".join(lines) + "\n")
    return profile


def qgis_process_env(home: Path, plugin_path: Optional[Path] = REPO) -> dict:
    """Environment for a headless ``qgis_process`` run that sees the plugin and the test venv's packages."""
    env = dict(os.environ)
    # pytest-qgis points QGIS at its own settings folder; a child QGIS must use the fresh profile under ``home``.
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "QGIS_AUTH_DB_DIR_PATH"):
        env.pop(name, None)
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=sysconfig.get_paths()["purelib"],
        PROJ_DATA="/usr/share/proj",
    )
    if plugin_path is None:
        env.pop("QGIS_PLUGINPATH", None)
    else:
        env["QGIS_PLUGINPATH"] = str(plugin_path)
    return env


def run_qgis_process(
    args: Sequence[str], home: Path, plugin_path: Optional[Path] = REPO, timeout: float = 300, json_out=True
) -> subprocess.CompletedProcess:
    """Run ``qgis_process [--json] args`` headless; the caller checks returncode/stdout."""
    cmd = [QGIS_PROCESS] + (["--json"] if json_out else []) + list(args)
    return subprocess.run(cmd, env=qgis_process_env(home, plugin_path), capture_output=True, text=True, timeout=timeout)


def qgis_process_json(args: Sequence[str], home: Path, **kwargs) -> dict:
    """Run qgis_process with --json and return the parsed output, failing with its stderr."""
    result = run_qgis_process(args, home, **kwargs)
    if result.returncode != 0:
        raise AssertionError(f"qgis_process {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return json.loads(result.stdout)


def assert_byoc_listed(home: Path, **kwargs) -> None:
    """Assert that ``qgis_process list`` shows the ``byoc`` provider with every algorithm the plugin declares.

    qgis_process lists only providers that have algorithms, so with none declared yet only the load is checked.
    """
    sys.path.insert(0, str(REPO))
    from byoc_qgis.processing.provider import algorithm_classes

    expected = {f"byoc:{cls().name()}" for cls in algorithm_classes()}
    listing = qgis_process_json(["list"], home, **kwargs)
    if not expected:
        return
    assert "byoc" in listing["providers"], sorted(listing["providers"])
    assert listing["providers"]["byoc"]["name"] == "Sentinel Hub BYOC"
    assert set(listing["providers"]["byoc"]["algorithms"]) == expected


__all__ = [
    "QGIS_PROCESS",
    "make_profile",
    "qgis_process_env",
    "run_qgis_process",
    "qgis_process_json",
    "assert_byoc_listed",
]
