#!/usr/bin/env bash
# make bench: every benchmarks/bench_*.py, with the same throw-away QGIS environment as the tests.
# Usage: scripts/run-bench.sh VENV_DIR [bench_module ...]
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${1:?usage: scripts/run-bench.sh VENV_DIR [bench_module ...]}
shift
scratch=$(mktemp -d /tmp/byoc-bench.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/xdg"
chmod 700 "$scratch/xdg"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/xdg" TMPDIR="$scratch"
export QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj OAUTHLIB_INSECURE_TRANSPORT=1 QGIS_PLUGINPATH=$PWD
exec "$VENV/bin/python" -m benchmarks.run_all "$@"
