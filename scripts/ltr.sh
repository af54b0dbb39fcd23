#!/usr/bin/env bash
# The LTR lane: QGIS 3.40 from Debian 13 "trixie" in a chroot built once under .cache/ (ignored by git),
# with this checkout bind-mounted at /src. Mounts are always cleaned up, also when the command fails.
# Usage: scripts/ltr.sh build            build the chroot if it is not there yet
#        scripts/ltr.sh run CMD...       run CMD inside the chroot, in /src, with the lane's venv set up
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
ROOT=${BYOC_LTR_ROOT:-$SRC/.cache/trixie-root}
MIRROR=${BYOC_DEBIAN_MIRROR:-http://deb.debian.org/debian}

build() {
    if [ -f "$ROOT/.byoc-ready" ]; then
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "ltr: building the trixie chroot needs root (debootstrap, mount, chroot)" >&2
        exit 1
    fi
    command -v debootstrap >/dev/null || {
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
    }
    echo "ltr: building Debian trixie chroot in $ROOT (once)"
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    debootstrap --variant=minbase --include=ca-certificates trixie "$ROOT" "$MIRROR"
    touch "$ROOT/.byoc-ready"
}

mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[$i]}" 2>/dev/null || umount -lR "${mounted[$i]}" 2>/dev/null || true
    done
}

run() {
    build
    # One chroot run at a time: a second run's cleanup would unmount /src under the first.
    exec 9>"$ROOT.lock"
    flock 9
    trap cleanup EXIT INT TERM
    mkdir -p "$ROOT/src"
    mount -t proc proc "$ROOT/proc"; mounted+=("$ROOT/proc")
    mount --rbind /dev "$ROOT/dev"; mount --make-rslave "$ROOT/dev"; mounted+=("$ROOT/dev")
    mount --bind "$SRC" "$ROOT/src"; mounted+=("$ROOT/src")
    # Reference material beside the checkout (../shared), read-only, at the same relative place (/shared).
    if [ -d "$SRC/../shared" ]; then
        mkdir -p "$ROOT/shared"
        mount --bind "$SRC/../shared" "$ROOT/shared"; mounted+=("$ROOT/shared")
        mount -o remount,bind,ro "$ROOT/shared" 2>/dev/null || true
    fi
    # TLS to the package registries goes through the host's trust store (see environment.md, TLS inside the chroot).
    cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    local passenv=()
    local var
    for var in PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_DEFAULT_TIMEOUT http_proxy https_proxy no_proxy CI BYOC_BENCH_FULL; do
        if [ -n "${!var:-}" ]; then passenv+=("$var=${!var}"); fi
    done
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 BYOC_LANE=ltr \
        PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 "${passenv[@]}" \
        /bin/bash -c 'cd /src && scripts/setup.sh .cache/venv-ltr && "$@"' ltr "$@"
}

case "${1:-}" in
    build) build ;;
    run) shift; run "$@" ;;
    *) echo "usage: scripts/ltr.sh build | run CMD..." >&2; exit 2 ;;
esac
