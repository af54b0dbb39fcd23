"""Fitting a traced outline to at most N vertices while keeping the cover policy (cog-and-outline.md §5).

Searches the smallest tolerance ``t`` for which ``Buffer(±t√2).SimplifyPreserveTopology(t)`` has at most
``max_points`` vertices (grow ×2, then bisect). Each candidate is verified with GEOS (``Contains``/``Within``), so
the policy holds by construction and not just by the buffer arithmetic.
"""

from __future__ import annotations

import math
from typing import Optional, Tuple

from osgeo import ogr

from .cover_geometry import count_points, made_valid, polygonal
from .progress import Progress

POLICY_CONTAIN = "contain"  # every valid pixel inside the cover
POLICY_EXCLUDE = "exclude"  # no no-data inside the cover
POLICIES = (POLICY_CONTAIN, POLICY_EXCLUDE)
SQRT2 = math.sqrt(2.0)


class _Candidates:
    """The candidate covers of one outline for one policy at a tolerance, and the test each must pass."""

    def __init__(self, geom: ogr.Geometry, extent: ogr.Geometry, policy: str, margin: float, max_points: int) -> None:
        self.geom = geom
        self.extent = extent
        self.contain = policy == POLICY_CONTAIN
        self.max_points = max_points
        if self.contain:  # margin outwards
            self.base: Optional[ogr.Geometry] = made_valid(geom.Buffer(margin, 1) if margin > 0 else geom)
        else:  # margin inwards; None when it erodes everything
            self.base = polygonal(geom.Buffer(-margin, 1)) if margin > 0 else geom

    def exact(self) -> Optional[ogr.Geometry]:
        """The traced outline itself (with its margin), clipped to the extent for "contain"."""
        return polygonal(self.base.Intersection(self.extent)) if self.contain else self.base

    def at(self, t: float) -> Optional[ogr.Geometry]:
        """The candidate for tolerance ``t``: grown (contain) or shrunk (exclude) by t√2, then simplified by t."""
        if self.contain:
            c = polygonal(self.base.Buffer(t * SQRT2, 1).SimplifyPreserveTopology(t))
            return polygonal(c.Intersection(self.extent)) if c is not None else None
        shrunk = polygonal(self.base.Buffer(-t * SQRT2, 1))
        return polygonal(shrunk.SimplifyPreserveTopology(t)) if shrunk is not None else None

    def accept(self, c: Optional[ogr.Geometry]) -> Optional[ogr.Geometry]:
        """``c`` (made valid) when it fits the point budget and keeps the policy, else None."""
        if c is None or c.IsEmpty():
            return None
        c = made_valid(c)
        if count_points(c) > self.max_points:
            return None
        keeps = c.Contains(self.geom) if self.contain else c.Within(self.geom)
        return c if keeps else None


def fit_cover(
    geom: ogr.Geometry,
    pixel: float,
    extent: ogr.Geometry,
    policy: str = POLICY_CONTAIN,
    margin: float = 0.0,
    max_points: int = 100,
    progress: Optional[Progress] = None,
) -> Tuple[Optional[ogr.Geometry], float]:
    """Fit ``geom`` to <= ``max_points`` vertices keeping the policy; returns (cover or None, tolerance).

    ``margin`` (map units) is added outwards (contain) or inwards (exclude) before fitting. Every candidate is
    checked: contain → the cover contains ``geom`` buffered by the margin; exclude → the cover lies within ``geom``.
    """
    progress = progress or Progress()
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
    if max_points < 5:
        raise ValueError("max_points must be at least 5 (a box with its closing point, the fallback cover)")
    candidates = _Candidates(geom, extent, policy, margin, max_points)
    if candidates.base is None:
        return None, 0.0
    exact = candidates.accept(candidates.exact())  # the traced outline itself may already fit
    if exact is not None:
        return exact, 0.0
    best, t = _grow(candidates, pixel, progress)
    if best is None:
        return None, t
    return _bisect(candidates, best, t, progress)


def _grow(candidates: _Candidates, pixel: float, progress: Progress) -> Tuple[Optional[ogr.Geometry], float]:
    """Double the tolerance from half a pixel until a candidate is accepted: (that candidate or None, tolerance)."""
    t = pixel / 2.0
    best = None
    limit = pixel * 4096
    steps = 0
    while t < limit:
        progress.check()
        steps += 1
        progress(min(0.5, steps / 24), "fitting")
        c = candidates.at(t)
        if c is None:
            break  # eroded away (exclude) or empty
        best = candidates.accept(c)
        if best is not None:
            break
        t *= 2.0
    return best, t


def _bisect(candidates: _Candidates, best: ogr.Geometry, t: float, progress: Progress) -> Tuple[ogr.Geometry, float]:
    """Narrow the tolerance between t/2 (refused) and t (accepted) in 8 steps: (best candidate, its tolerance)."""
    lo, hi = t / 2.0, t
    for i in range(8):
        progress.check()
        progress(0.5 + 0.5 * (i + 1) / 8, "fitting")
        mid = (lo + hi) / 2.0
        c = candidates.at(mid)
        cand = candidates.accept(c) if c is not None else None
        if cand is not None:
            best, hi = cand, mid
        else:
            lo = mid
    return best, hi
