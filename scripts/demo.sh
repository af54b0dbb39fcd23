#!/usr/bin/env bash
# make demo: set up what is missing (Debian packages, the venv), then run the whole BYOC workflow offline against
# localhub through qgis_process (scripts/demo.py). Output goes to demo-output/ (or $DEMO_OUTPUT).
# Usage: scripts/demo.sh [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${1:-.venv}
BYOC_LANE=host scripts/setup.sh "$VENV"
exec "$VENV/bin/python" scripts/demo.py --out "${DEMO_OUTPUT:-demo-output}" --python "$VENV/bin/python"
