#!/usr/bin/env bash
# Runs pytest inside real QGIS with throw-away HOME/XDG folders, offscreen by default.
# Usage: scripts/run-tests.sh VENV_DIR LANE [pytest args...]
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${1:?usage: scripts/run-tests.sh VENV_DIR LANE [pytest args]}
LANE=${2:?lane name}
shift 2
scratch=$(mktemp -d /tmp/byoc-tests.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/xdg" artifacts/reports
chmod 700 "$scratch/xdg"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/xdg" TMPDIR="$scratch"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export PROJ_DATA=/usr/share/proj OAUTHLIB_INSECURE_TRANSPORT=1
export QGIS_PLUGINPATH=$PWD BYOC_LANE=$LANE BYOC_VENV=$PWD/$VENV
export PYTHONDONTWRITEBYTECODE=1
# the 10980² test COG is built once and reused by the other lane and later runs (keyed by its builder's code)
export BYOC_S2_COG=${BYOC_S2_COG:-.cache/tests/s2_sized.tif}
"$VENV/bin/python" -m pytest -p no:cacheprovider --junitxml="artifacts/reports/$LANE.xml" \
    -o junit_suite_name="$LANE" "$@"
rc=$?
if [ $rc = 5 ]; then
    echo "run-tests: no test was collected in lane $LANE" >&2
fi
exit $rc
