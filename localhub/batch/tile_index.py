"""The tiles of a collection with their lon/lat bounding boxes, to find the few near a batch cell quickly."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List

from .store import Cell


class TileIndex:
    """The collection's tiles with their lon/lat bounding boxes, to find the few near a cell quickly (the exact
    test, in the cell's CRS, is ``select_tiles``'s)."""

    def __init__(self, tiles: Iterable[Dict[str, Any]]) -> None:
        from localhub.process.crs import geojson_epsg, ogr_geometry, transformer

        self.items: List[tuple] = []
        self._position: Dict[str, int] = {}  # tile id -> place in the collection's order
        for tile in tiles:
            self._position.setdefault(str(tile.get("id")), len(self._position))
            geojson = tile.get("coverGeometry") or tile.get("tileGeometry")
            box = None
            if geojson:
                try:
                    geom = ogr_geometry(geojson)
                    epsg = geojson_epsg(geojson)
                    if epsg != 4326:
                        geom.Segmentize(max(geom.GetEnvelope()[1] - geom.GetEnvelope()[0], 1.0) / 16.0)
                        geom.Transform(transformer(epsg, 4326))
                    minx, maxx, miny, maxy = geom.GetEnvelope()
                    box = (minx, miny, maxx, maxy)
                except (ValueError, RuntimeError):
                    box = None
            self.items.append((box, tile))  # no usable geometry: always a candidate

    def __len__(self) -> int:
        return len(self.items)

    def near(self, cell: Cell, margin: float = 0.01) -> List[Dict[str, Any]]:
        """Tiles whose lon/lat box overlaps the cell's (with a margin of ``margin`` degrees)."""
        from localhub.process.crs import transformer

        steps = [i / 4.0 for i in range(5)]  # the cell's outline, 4 segments per edge (edges curve in lon/lat)
        ring = [(cell.minx + f * (cell.maxx - cell.minx), y) for f in steps for y in (cell.miny, cell.maxy)]
        ring += [(x, cell.miny + f * (cell.maxy - cell.miny)) for f in steps for x in (cell.minx, cell.maxx)]
        if cell.epsg != 4326:
            tr = transformer(cell.epsg, 4326)
            ring = [tr.TransformPoint(x, y)[:2] for x, y in ring]
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        x0, y0, x1, y1 = min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin
        return [
            t
            for box, t in self.items
            if box is None or (box[0] <= x1 and box[2] >= x0 and box[1] <= y1 and box[3] >= y0)
        ]

    def in_collection_order(self, tiles: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """``tiles`` without repeats, in the collection's order: the order every cell's own request gets them in
        (:meth:`near`), so that tiles the mosaicking order ranks equal (same sensing and creation time) fall the same
        way in a request for several cells as in each cell's."""
        unique: Dict[str, Dict[str, Any]] = {}
        for tile in tiles:
            unique.setdefault(str(tile.get("id")), tile)
        last = len(self._position)
        return sorted(unique.values(), key=lambda t: self._position.get(str(t.get("id")), last))
