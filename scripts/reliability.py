"""make reliability: the reliability suite of issue 11 §7 with figures - one table, a row per R-item, PASS/FAIL.

* R1 faults: 200 tiles through ``byoc:createtiles`` with ~20 % of BYOC API and S3 requests failing: all registered in
  the first run, no duplicate, no orphan, a rerun adds nothing (``tests.test_reliability_faults.run_faults``).
* R2 bad input: every bad raster/setting case through ``qgis_process``: non-zero exit, an error naming the file or
  setting and the fix, nothing registered, nothing left in S3 (``tests.reliability_bad_input``).
* R3 secrets: after R1, R2, a GUI session (dock, Show tiles, Process request, project saved) and R8: no secret or
  token in settings, profile, logs, outputs, projects, layer sources (``tests.reliability_secrets``).
* R5 crash: kill -9 localhub mid-ingestion, restart on the same data dir (``tests.reliability_crash``).
* R6 concurrency: concurrent Process requests on a cold localhub, a render worker killed
  (``tests.reliability_concurrency``).
* R8 host safety: QGIS's reprojection after the plugin's background work (``tests.reliability_host_safety``).

The scenarios are the functions the pytest tests run (with smaller sizes there). Runs in a throw-away HOME, offscreen
QGIS, with localhub and its own S3 server on loopback (fresh secrets each run)::

    .venv/bin/python scripts/reliability.py [--tiles 200] [--only R1,R3] [--keep]

(``make reliability``; ``make reliability-ltr`` in the QGIS 3.40 chroot.) Exit status 1 when any row FAILs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional

REPO = Path(__file__).resolve().parent.parent
ITEMS = ("R1", "R2", "R3", "R5", "R6", "R8")
NAMES = {
    "R1": "R1 faults",
    "R2": "R2 bad input",
    "R3": "R3 secrets",
    "R5": "R5 crash",
    "R6": "R6 concurrency",
    "R8": "R8 host safety",
}


@dataclass
class Row:
    item: str
    ok: bool
    figures: str
    seconds: float


def _arguments(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tiles", type=int, default=200, help="R1 tiles (default 200)")
    p.add_argument("--crash-tiles", type=int, default=40, help="R5 tiles, a quarter of them bad (default 40)")
    p.add_argument("--only", default=",".join(ITEMS), help="comma-separated items to run (default all)")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder (logs, outputs) and print it")
    args = p.parse_args(argv)
    args.only = [x.strip().upper() for x in args.only.split(",") if x.strip()]
    unknown = set(args.only) - set(ITEMS)
    if unknown:
        p.error(f"unknown items {sorted(unknown)}; choose from {', '.join(ITEMS)}")
    return args


# -- a throw-away environment, as scripts/run-tests.sh and run-bench.sh give the tests and benchmarks -------------
def _in_scratch(argv: List[str]) -> int:
    """Run this script again in a fresh HOME/XDG/TMPDIR (offscreen QGIS, plugin from this checkout); clean up."""
    scratch = Path(tempfile.mkdtemp(prefix="byoc-reliability."))
    for sub in ("home", "xdg"):
        (scratch / sub).mkdir()
    (scratch / "xdg").chmod(0o700)
    env = dict(os.environ)
    env.update(
        HOME=str(scratch / "home"),
        XDG_RUNTIME_DIR=str(scratch / "xdg"),
        TMPDIR=str(scratch),
        QT_QPA_PLATFORM="offscreen",
        PROJ_DATA="/usr/share/proj",
        OAUTHLIB_INSECURE_TRANSPORT="1",
        QGIS_PLUGINPATH=str(REPO),
        PYTHONDONTWRITEBYTECODE="1",
        BYOC_RELIABILITY_SCRATCH=str(scratch),
    )
    env.setdefault("BYOC_LANE", "host")
    for name in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH", "QGIS_AUTH_DB_DIR_PATH"):
        env.pop(name, None)
    try:
        return subprocess.call([sys.executable, str(Path(__file__).resolve()), *argv], env=env, cwd=str(REPO))
    finally:
        if "--keep" in argv:
            print(f"reliability: scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def _qgis():
    """Offscreen QGIS with Processing, the byoc provider, an unlocked auth database and a stand-in iface."""
    from pytest_qgis.mock_qgis_classes import MockMessageBar  # before the application (its slot types resolve)
    from pytest_qgis.qgis_interface import QgisInterface
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    plugins = os.path.join(app.pkgDataPath(), "python", "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow

    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.resize(1000, 700)
    canvas.resize(1000, 700)
    iface = QgisInterface(canvas, MockMessageBar(), window)
    import qgis.utils

    qgis.utils.iface = iface
    from tests.test_gui_support import ensure_provider
    from tests.test_processing_support import set_master_password

    set_master_password()
    ensure_provider()
    return app, iface, (window, canvas)


def _item(rows: List[Row], item: str, fn: Callable[[], object]) -> Optional[object]:
    """Run one R-item: its figures and verdict, or FAIL with the error (traceback on stderr)."""
    print(f"reliability: {NAMES[item]} ...", flush=True)
    start = time.monotonic()
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001 - every item gets its row, whatever happens
        traceback.print_exc()
        text = " ".join(str(exc).split())[:400]
        rows.append(Row(item, False, f"did not complete: {exc.__class__.__name__}: {text}", time.monotonic() - start))
        return None
    rows.append(Row(item, bool(result.ok()), result.figures(), time.monotonic() - start))
    print(f"reliability: {NAMES[item]} {'PASS' if rows[-1].ok else 'FAIL'} ({rows[-1].seconds:.0f} s)", flush=True)
    return result


def table(rows: List[Row], lane: str, total_s: float) -> str:
    """The table: one row per item (figures wrapped at 110 columns)."""
    import textwrap

    width = max(len(NAMES[r.item]) for r in rows) if rows else 10
    lines = [f"Reliability (issue 11 §7), lane {lane}, {total_s / 60:.1f} min", ""]
    head = f"{'item':<{width}}  {'result':<6}  {'time':>5}  figures"
    lines += [head, "-" * 140]
    for r in rows:
        wrapped = textwrap.wrap(r.figures, 110) or [""]
        lines.append(f"{NAMES[r.item]:<{width}}  {'PASS' if r.ok else 'FAIL':<6}  {r.seconds:4.0f}s  {wrapped[0]}")
        lines += [f"{'':<{width + 17}}{w}" for w in wrapped[1:]]
    verdict = "PASS" if rows and all(r.ok for r in rows) else "FAIL"
    lines += ["-" * 140, f"reliability: {verdict} ({sum(r.ok for r in rows)}/{len(rows)} items passed)"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(REPO))
    os.chdir(REPO)
    warnings.simplefilter("ignore", ResourceWarning)  # test helpers leave sessions to the garbage collector
    lane = os.environ.get("BYOC_LANE", "host")
    started = time.monotonic()
    app, iface, keep = _qgis()  # noqa: F841 - the application and its widgets must stay alive
    warnings.simplefilter("ignore", ResourceWarning)  # again: QGIS's Python start-up resets the filters
    from qgis.core import Qgis

    from byoc_qgis.gui.tasks import TaskRunner
    from tests.fixtures_localhub import start_localhub
    from tests.reliability_bad_input import ALL_CASES, run_bad_input_cli
    from tests.reliability_concurrency import run_concurrency
    from tests.reliability_crash import run_crash_resume
    from tests.reliability_host_safety import run_host_safety
    from tests.reliability_secrets import (
        Evidence,
        LogCapture,
        RecordingFeedback,
        RunSecrets,
        TokenTap,
        hub_via_tap,
        plugin_tokens,
        run_gui_session,
        scan,
        with_account,
    )
    from tests.test_gui_support import store_connection
    from tests.test_reliability_faults import NO_FAULTS, fault_params, run_faults

    root = Path(os.environ.get("BYOC_RELIABILITY_SCRATCH") or tempfile.mkdtemp(prefix="reliability-")) / "run"
    work, services = root / "work", root / "services"
    work.mkdir(parents=True)
    services.mkdir(parents=True)
    print(f"reliability: QGIS {Qgis.version()}, lane {lane}, work in {root}", flush=True)
    rows: List[Row] = []
    hubs: list = []

    def start_hub(name: str, **options):
        index = len(hubs)
        data_dir = options.pop("data_dir", None) or services / f"{name}-{index}"
        hub = start_localhub(None, services / f"{name}-{index}.log", Path(data_dir), **options)
        hubs.append(hub)
        return hub

    secrets = RunSecrets.fresh("rel")
    runner = TaskRunner()
    try:
        if {"R1", "R2", "R3", "R8"} & set(args.only):
            hub = with_account(start_hub("main", fault_injection=NO_FAULTS, extra_args=secrets.localhub_args()),
                               secrets)  # fmt: skip
            evidence = Evidence()
            feedback = RecordingFeedback()
            tap = TokenTap(hub.token_url)
            with LogCapture() as logs:
                if "R1" in args.only:
                    params = fault_params(hub, "rel", token_url=tap.token_url)
                    out = str(work / "r1" / "created.gpkg")
                    _item(rows, "R1", lambda: run_faults(hub, params, work / "r1", args.tiles, output=out,
                                                         feedback=feedback))  # fmt: skip
                if "R2" in args.only:
                    wrong = secrets.wrong_client_secret
                    _item(rows, "R2", lambda: run_bad_input_cli(hub, work / "r2", ALL_CASES, tap.token_url, wrong,
                                                                evidence.text))  # fmt: skip
                conn = store_connection(hub_via_tap(hub, tap), "reliability")
                gui_error = ""
                gui_seconds = time.monotonic()
                if "R3" in args.only:
                    print("reliability: GUI session (for R3) ...", flush=True)
                    try:
                        run_gui_session(iface, conn, hub.s3, work / "gui", evidence)
                    except Exception as exc:  # noqa: BLE001 - reported in R3's row
                        traceback.print_exc()
                        gui_error = f"GUI session did not complete ({exc.__class__.__name__}: {exc}); "
                gui_seconds = time.monotonic() - gui_seconds
                if "R8" in args.only:
                    _item(rows, "R8", lambda: run_host_safety(conn, hub, runner, work / "r8"))
                tokens = tap.tokens + plugin_tokens()
            tap.close()
            if "R3" in args.only:

                def secrets_scan():
                    evidence.text("QgsMessageLog + Python logging", logs.text())
                    evidence.text("Processing feedback", feedback.text())
                    evidence.localhub_log(hub)
                    evidence.qgis_profile()
                    evidence.path("outputs and qgis_process profiles", work)
                    result = scan(evidence, secrets.labelled(), secrets.client_id, tokens)
                    if gui_error:
                        result.places.insert(0, gui_error)
                        result.texts = 0  # the run is incomplete: not a PASS
                    return result

                _item(rows, "R3", secrets_scan)
                rows[-1].seconds += gui_seconds  # the GUI session is R3's own step
            hub.stop()
        if "R5" in args.only:
            good = args.crash_tiles - args.crash_tiles // 4

            def crash_hub(data_dir, state_delay):
                return start_hub("r5", ingestion_workers=1, state_delay=state_delay, data_dir=data_dir)

            _item(rows, "R5", lambda: run_crash_resume(crash_hub, work / "r5", good, args.crash_tiles - good))
        if "R6" in args.only:
            _item(rows, "R6", lambda: run_concurrency(lambda **kw: start_hub("r6", **kw), work / "r6"))
    finally:
        runner.cancel_all()
        for hub in hubs:
            hub.stop()
    rows.sort(key=lambda r: ITEMS.index(r.item))
    print()
    print(table(rows, f"{lane} (QGIS {Qgis.version()})", time.monotonic() - started))
    return 0 if rows and all(r.ok for r in rows) else 1


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _arguments(argv)
    if not os.environ.get("BYOC_RELIABILITY_SCRATCH"):
        return _in_scratch(argv)
    return run(args)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # QGIS's exit handlers can crash after a long offscreen session; the verdict is already printed
