#!/usr/bin/env bash
# Installs what a QGIS test lane needs, and only what is missing:
#   1. Debian packages (QGIS, GDAL, Xvfb, ...) when absent and we are root;
#   2. a venv from the system Python (--system-site-packages, so qgis/osgeo/PyQt/numpy come from Debian)
#      with the pinned test dependencies and numpy constrained to the system numpy.
# Usage: scripts/setup.sh VENV_DIR     (idempotent; a second run installs nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${1:?usage: scripts/setup.sh VENV_DIR}

APT_PACKAGES="qgis python3-qgis qgis-providers python3-gdal gdal-bin python3-venv python3-pip xvfb xauth make zip qttools5-dev-tools"
if [ "${BYOC_LANE:-host}" = host ]; then
    APT_PACKAGES="$APT_PACKAGES imagemagick debootstrap xdotool"
fi

missing=()
for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "setup: missing Debian packages: ${missing[*]}" >&2
        echo "setup: run as root, or: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

stamp="$VENV/.installed-$(cat requirements-test.txt scripts/setup.sh | sha1sum | cut -c1-12)"
if [ -f "$stamp" ]; then
    exit 0
fi
echo "setup: preparing $VENV"
rm -rf "$VENV"
/usr/bin/python3 -m venv --system-site-packages "$VENV"
/usr/bin/python3 -c 'import numpy; print(f"numpy=={numpy.__version__}")' > "$VENV/constraints.txt"
"$VENV/bin/python" -m pip install -q -c "$VENV/constraints.txt" -r requirements-test.txt
# Debian's numpy, PyQt5 and sip must not be shadowed by wheels (GDAL and QGIS are built against them).
shadowed=$("$VENV/bin/python" -m pip list --local 2>/dev/null | grep -iE '^(pyqt5|pyqt5-sip|pyqt6|sip|numpy) ' || true)
if [ -n "$shadowed" ]; then
    echo "setup: these packages would shadow Debian's and break QGIS/GDAL:" >&2
    echo "$shadowed" >&2
    exit 1
fi
touch "$stamp"
echo "setup: $VENV ready"
