"""Runs every ``benchmarks/bench_*.py`` module's ``run()`` and prints one table (``make bench``)."""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import format_table


def main(argv: list) -> int:
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    rows, failed = [], []
    for name in names:
        start = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            rows.extend(module.run())
        except Exception:  # noqa: BLE001 - report every benchmark, then fail at the end
            failed.append(name)
            traceback.print_exc()
        print(f"[{name}: {time.perf_counter() - start:.1f} s]", file=sys.stderr)
    if rows:
        print(format_table(rows))
    else:
        print("no benchmarks yet")
    if failed:
        print(f"benchmarks that crashed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
