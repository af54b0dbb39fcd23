"""Shared benchmark helpers: medians of repeated runs, peak memory, and one table for `make bench`.

Each ``benchmarks/bench_*.py`` defines ``run() -> list[Row]``; ``scripts/run-bench.sh`` runs them all and prints
the rows. Targets are stated as ratios against a baseline measured in the same run (these machines are noisy).
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Tuple


@dataclass
class Row:
    """One benchmark result line."""

    name: str
    median_s: float
    peak_mib: Optional[float] = None
    ratio: Optional[float] = None
    ratio_label: str = ""
    target: str = ""
    ok: Optional[bool] = None
    extra: dict = field(default_factory=dict)


def measure(fn: Callable[[], object], repeat: int = 5, trace_memory: bool = True) -> Tuple[float, float, object]:
    """Run ``fn`` ``repeat`` times; return (median seconds, peak Python-heap MiB of the last run, last result).

    Peak memory uses tracemalloc (numpy and GDAL's Python-visible allocations; GDAL's own C heap is not seen),
    measured on a separate run so tracing does not slow the timed ones.
    """
    times = []
    result = None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    peak = float("nan")
    if trace_memory:
        gc.collect()
        tracemalloc.start()
        fn()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return statistics.median(times), peak, result


def format_table(rows: List[Row]) -> str:
    """Render rows as a fixed-width table."""
    header = f"{'benchmark':<58} {'median s':>10} {'peak MiB':>9} {'ratio':>8}  {'vs / target':<40} ok"
    lines = [header, "-" * len(header)]
    for r in rows:
        peak = "" if r.peak_mib is None else f"{r.peak_mib:9.1f}"
        ratio = "" if r.ratio is None else f"{r.ratio:8.2f}"
        verdict = "" if r.ok is None else ("yes" if r.ok else "NO")
        note = " ".join(x for x in (r.ratio_label, r.target) if x)
        lines.append(f"{r.name:<58} {r.median_s:10.4f} {peak:>9} {ratio:>8}  {note:<40} {verdict}")
        for key, value in r.extra.items():
            lines.append(f"    {key}: {value}")
    return "\n".join(lines)


def load_note() -> str:
    """The machine's 1-minute load average and core count, to print beside a figure (these machines are shared)."""
    import os

    return f"load {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores"


def machine_busy_s() -> float:
    """CPU seconds the whole machine spent busy since boot (all cores, from /proc/stat; NaN where unavailable).

    The difference over a run, minus the CPU time of the benchmark's own processes, is what other processes took:
    on a shared machine that tells how many cores a parallel run actually had.
    """
    import os

    try:
        with open("/proc/stat") as fh:
            fields = fh.readline().split()
    except OSError:
        return float("nan")
    # cpu user nice system idle iowait irq softirq steal ...
    busy = sum(int(v) for i, v in enumerate(fields[1:9]) if i not in (3, 4))
    return busy / os.sysconf("SC_CLK_TCK")
