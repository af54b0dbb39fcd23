"""Run the real QGIS desktop application under Xvfb with a startup script, for ``gui`` tests.

The startup script runs inside QGIS with ``iface`` available; it writes a JSON result and screenshots, then quits
QGIS. Screenshots land in ``artifacts/<lane>/screenshots`` (kept by CI).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import textwrap
from pathlib import Path

from .qgis_helpers import make_profile, qgis_process_env

REPO = Path(__file__).resolve().parent.parent

PRELUDE = '''
import json, os, sys, traceback
sys.path.insert(0, {repo!r})  # the test helpers (tests.watchdog) are not part of the plugin
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, active_plugins
RESULT_PATH = {result!r}
SHOT_DIR = {shots!r}
result = {{"errors": []}}

def shot(name, widget=None):
    """Save a screenshot of the main window (or a widget) as <name>.png."""
    QApplication.processEvents()
    target = widget if widget is not None else iface.mainWindow()
    path = os.path.join(SHOT_DIR, name + ".png")
    target.grab().save(path)
    result.setdefault("screenshots", []).append(path)
    return path

def finish():
    with open(RESULT_PATH, "w") as fh:
        json.dump(result, fh)
    QApplication.instance().exit(0)
    os._exit(0)

def run_body():
    try:
{body}
    except Exception:
        result["errors"].append(traceback.format_exc())
    finish()

QTimer.singleShot({delay_ms}, run_body)
'''


class QgisGui:
    """A QGIS desktop started under Xvfb with a startup script (see :func:`start_qgis_gui`)."""

    def __init__(self, proc: subprocess.Popen, result_path: Path, log_path: Path) -> None:
        self.proc = proc
        self.result_path = result_path
        self.log_path = log_path

    def running(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """Stop QGIS and Xvfb (the whole process group this start created)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait()

    def result(self, timeout: float = 180) -> dict:
        """Wait for QGIS to finish and return what the startup script wrote."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        if not self.result_path.exists():
            log = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
            raise AssertionError(f"QGIS under Xvfb wrote no result (rc={self.proc.returncode}):\n{log[-4000:]}")
        return json.loads(self.result_path.read_text())


def start_qgis_gui(body: str, tmp_path: Path, shots_dir: Path, delay_ms: int = 1500) -> QgisGui:
    """Start QGIS under Xvfb with the plugin enabled and ``body`` (Python, inside QGIS) as its startup script,
    without waiting: the test can act (stop a service, write a file the script waits for) while QGIS runs."""
    home = tmp_path / "gui-home"
    make_profile(home)
    result_path = tmp_path / "gui-result.json"
    script = tmp_path / "startup.py"
    script.write_text(
        PRELUDE.format(
            repo=str(REPO),
            result=str(result_path),
            shots=str(shots_dir),
            delay_ms=delay_ms,
            body=textwrap.indent(textwrap.dedent(body), " " * 8),
        )
    )
    env = qgis_process_env(home)
    env.pop("QT_QPA_PLATFORM", None)
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "xdg")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    cmd = [
        shutil.which("xvfb-run") or "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1600x1000x24",
        "qgis",
        "--nologo",
        "--noversioncheck",
        "--code",
        str(script),
    ]
    log_path = tmp_path / "gui-qgis.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return QgisGui(proc, result_path, log_path)


def run_qgis_gui(body: str, tmp_path: Path, shots_dir: Path, delay_ms: int = 1500, timeout: float = 180) -> dict:
    """Start QGIS under Xvfb with the plugin enabled, run ``body`` (Python, inside QGIS) and return its result."""
    gui = start_qgis_gui(body, tmp_path, shots_dir, delay_ms)
    try:
        return gui.result(timeout)
    finally:
        gui.kill()


#: Python run inside QGIS by the desktop tests (``run_qgis_gui``; ``PARAMS`` names their JSON parameters): save the
#: localhub connection of ``PARAMS`` (client and S3 keys in the auth manager) as "localhub", size the main window,
#: open the plugin's dock and list its collections. Leaves ``p`` (the parameters), ``plugin`` and ``dock``.
OPEN_LOCALHUB_DOCK = """
import json
import sys
from qgis.core import QgsApplication
from byoc_qgis.core import qgis_adapters as qa
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.gui.connections import Connection, ConnectionStore

p = json.load(open(PARAMS))
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword("gui-test-master", True)
client_cfg = qa.store_client_credentials("localhub", p["client_id"], p["client_secret"])
s3_cfg = qa.store_s3_keys("localhub s3", p["s3_access"], p["s3_secret"])
settings = qa.ConnectionSettings("localhub", custom_deployment(p["base_url"], p["token_url"]), client_cfg, s3_cfg,
                                 p["s3_endpoint"], p["s3_region"], s3_https=False, s3_path_style=True)
ConnectionStore().save(Connection(settings))
iface.mainWindow().resize(1600, 1000)
plugin = sys.modules["qgis.utils"].plugins["byoc_qgis"]
plugin.action.trigger()
dock = plugin.dock
dock.reload_connections("localhub")
"""
