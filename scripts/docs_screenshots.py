#!/usr/bin/env python3
"""Copy the user guide's screenshots from the `gui` tests' artifacts into docs/images (``make docs-screenshots``).

The pictures in docs/ are never edited by hand: the `gui` tests take them in a real QGIS against localhub and save
them under artifacts/<lane>/screenshots; this script copies the chosen ones. Run the tests that produce them first
(``--run`` does it), then this script, and commit docs/images.

    scripts/docs_screenshots.py [--lane host] [--run]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS_IMAGES = REPO / "docs" / "images"

#: screenshot file -> the test file that saves it (a screenshot keeps its name in docs/images)
SCREENSHOTS = {
    "byoc-dock-tiles-and-processed-raster.png": "tests/test_gui_screens.py",
    "byoc-dock-panel.png": "tests/test_gui_screens.py",
    "byoc-process-dialog.png": "tests/test_gui_screens.py",
    "byoc-connection-dialog-tested.png": "tests/test_gui_screens.py",
    "byoc-algorithm-dialog-connection.png": "tests/test_gui_screens.py",
    "byoc-collection-dialog.png": "tests/test_gui_first_run_dock.py",
    "byoc-tiles-attribute-table.png": "tests/test_gui_first_run_dock.py",
    "byoc-add-tiles-planned.png": "tests/test_gui_add_tiles_dialog.py",
    "byoc-batch-new-dialog.png": "tests/test_gui_batch_screens.py",
    "byoc-batch-preview-map.png": "tests/test_gui_batch_screens.py",
    "byoc-batch-results-map.png": "tests/test_gui_batch_screens.py",
}


def run_tests(lane: str) -> int:
    """Run the test files that save the screenshots (in the host lane's venv, or the LTR chroot)."""
    files = sorted(set(SCREENSHOTS.values()))
    if lane == "ltr":
        inner = "scripts/run-tests.sh .cache/venv-ltr ltr " + " ".join(files) + " -q"
        cmd = ["scripts/ltr.sh", "run", "bash", "-c", inner]
    else:
        cmd = ["scripts/run-tests.sh", ".venv", "host", *files, "-q"]
    return subprocess.run(cmd, cwd=REPO).returncode


def copy_screenshots(lane: str) -> list:
    """Copy every listed screenshot of ``lane``; return the names that are missing (nothing is copied then)."""
    source = REPO / "artifacts" / lane / "screenshots"
    missing = [name for name in SCREENSHOTS if not (source / name).is_file()]
    if missing:
        return missing
    DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
    for old in DOCS_IMAGES.glob("*.png"):
        if old.name not in SCREENSHOTS:
            old.unlink()
    for name in SCREENSHOTS:
        shutil.copyfile(source / name, DOCS_IMAGES / name)
    return []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lane", default="host", choices=("host", "ltr"), help="whose artifacts (default host)")
    parser.add_argument("--run", action="store_true", help="run the gui tests that take the screenshots first")
    args = parser.parse_args(argv)
    if args.run and run_tests(args.lane) != 0:
        print("docs-screenshots: the gui tests failed; docs/images left as it was", file=sys.stderr)
        return 1
    missing = copy_screenshots(args.lane)
    if missing:
        print(f"docs-screenshots: missing in artifacts/{args.lane}/screenshots (run the tests that save them):",
              file=sys.stderr)  # fmt: skip
        for name in missing:
            print(f"  {name}  <- {SCREENSHOTS[name]}", file=sys.stderr)
        return 1
    print(f"docs-screenshots: {len(SCREENSHOTS)} screenshots copied from artifacts/{args.lane} into docs/images")
    return 0


if __name__ == "__main__":
    sys.exit(main())
