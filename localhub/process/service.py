"""One Process request end to end: checks, evalscript setup and hooks, tile reading and mosaicking, the pixel
loop in V8, sampleType conversion, encoding and packaging."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from . import encode
from .crs import transformer
from .errors import ProcessError, bad_payload, common_exception, renderer_exception
from .evalscript import DEFAULT_TIME_LIMIT_S, Evalscript, OutputSpec
from .mosaic import TileRef, geometry_mask, mosaic, orbit_groups, orbit_scene, select_tiles, tile_scene
from .reader import BandSource, FileInfo, read_window
from .request import ProcessRequest

VsiPath = Callable[[str, str], str]
INPUT_METADATA = {"serviceVersion": "1.0.0", "normalizationFactor": 1}
MAX_STACK_BYTES = 2 << 30  # ORBIT/TILE keep every scene's bands in memory: refuse beyond this
MIN_PROCESSING_UNITS = 0.005


@dataclass
class ProcessResult:
    """The HTTP answer of a successful request."""

    body: bytes
    content_type: str
    processing_units: float


def meters_per_pixel(grid) -> float:
    """Ground size of a request pixel at the bbox centre (the coarser axis), in metres."""
    cx = (grid.minx + grid.maxx) / 2.0
    cy = (grid.miny + grid.maxy) / 2.0
    points = [(cx, cy), (cx + grid.resx, cy), (cx, cy + grid.resy)]
    if grid.epsg != 4326:
        tr = transformer(grid.epsg, 4326)
        points = [tr.TransformPoint(x, y)[:2] for x, y in points]
    (lon0, lat0), (lon1, lat1), (lon2, lat2) = points
    return max(_haversine(lon0, lat0, lon1, lat1), _haversine(lon0, lat0, lon2, lat2))


def _haversine(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    r = 6371008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def check_resolution(req: ProcessRequest, collection: dict) -> None:
    """400 COMMON_EXCEPTION when the request is coarser than the collection's ``maxMetersPerPixel``."""
    limit = (collection.get("additionalData") or {}).get("maxMetersPerPixel")
    if not isinstance(limit, (int, float)):
        return
    mpp = meters_per_pixel(req.grid)
    if mpp > float(limit) * (1 + 1e-9):
        raise common_exception(
            f"Your request of {mpp:.2f} meters per pixel exceeds the limit {float(limit)} meters per pixel of the "
            f"collection byoc-{collection.get('id')}. Please revise the resolution (or corresponding width/height) "
            "to make sure it is in supported range."
        )


def processing_units(req: ProcessRequest, input_bands: int, scenes: int, float_output: bool) -> float:
    """Processing units as the service counts them: area / 512², × bands / 3, × scenes, × 2 for FLOAT32."""
    area = req.grid.width * req.grid.height / (512.0 * 512.0)
    pu = area * max(1.0, input_bands / 3.0) * max(1, scenes) * (2.0 if float_output else 1.0)
    return max(MIN_PROCESSING_UNITS, pu)


class _TileReader:
    """Turns a tile and window into warped band data for a fixed list of collection bands."""

    def __init__(self, req: ProcessRequest, collection: dict, bands: List[str], vsi_path: VsiPath) -> None:
        config = (collection.get("additionalData") or {}).get("bands") or {}
        self.collection_nodata = collection.get("noData")
        self.bucket = collection.get("s3Bucket", "")
        self.req = req
        self.config = config
        self.bands = bands
        self.vsi_path = vsi_path
        self.cache: Dict[str, FileInfo] = {}

    def sources(self, tile: TileRef) -> List[BandSource]:
        out = []
        for name in self.bands:
            cfg = self.config.get(name) or {}
            source = cfg.get("source") or name
            nodata = cfg.get("noData")
            if nodata is None:
                nodata = self.collection_nodata
            key = tile.path.replace("(BAND)", source)
            out.append(
                BandSource(name, self.vsi_path(self.bucket, key), int(cfg.get("bandIndex") or 1), _number(nodata))
            )
        return out

    def __call__(self, tile: TileRef, window) -> np.ndarray:
        data = self.req.data
        return read_window(self.sources(tile), self.req.grid, window, data.upsampling, data.downsampling, self.cache)


def _number(value) -> Optional[float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


@dataclass
class _Rendered:
    """A request evaluated: every requested output's values in its sample type, the user data, the geometry mask."""

    requested: List[OutputSpec]
    results: Dict[str, np.ndarray]
    user_data: object
    inside: Optional[np.ndarray]
    processing_units: float


def _evaluate(
    req: ProcessRequest, collection: dict, tiles: Iterable[dict], vsi_path: VsiPath, time_limit_s: float
) -> _Rendered:
    """Checks, evalscript setup and hooks, tile reading and mosaicking, the pixel loop and sampleType conversion."""
    check_resolution(req, collection)
    band_config = (collection.get("additionalData") or {}).get("bands") or {}
    with Evalscript(req.evalscript, time_limit_s) as script:
        setup = script.setup()
        _check_setup(req, setup, band_config)
        data_bands = [b for b in setup.bands if b != "dataMask"]
        read_bands = data_bands or sorted(band_config)[:1]  # a probe band gives dataMask its meaning
        selected = select_tiles(tiles, req.data, req.grid, req.geometry)
        groups, scene_list, scenes_obj = _scenes(script, setup.mosaicking, selected, collection.get("s3Bucket", ""))
        outputs = setup.outputs
        if script.has_update_output:
            outputs = script.update_output(outputs, scene_list)
        wanted = [r.identifier for r in req.responses if r.identifier != "userdata"]
        requested: List[OutputSpec] = [o for o in outputs if o.id in wanted]
        script.set_context(scenes_obj, INPUT_METADATA)
        reader = _TileReader(req, collection, read_bands if band_config else [], vsi_path)
        multi = setup.mosaicking != "SIMPLE"
        inputs, inside = _read_inputs(req, setup.bands, data_bands, read_bands, groups, reader, multi)
        stack = len(groups) if multi else 1
        results = script.evaluate(
            setup.bands,
            inputs if multi else inputs[0],
            requested,
            scene_count=stack if multi else None,
            convert=lambda values, spec: encode.apply_sample_type(values, spec.sample_type),
        )
        del inputs
        user_data = script.update_output_metadata()
    float_output = any(o.sample_type == "FLOAT32" for o in requested)
    pu = processing_units(req, len(data_bands), len(groups) if multi else 1, float_output)
    return _Rendered(requested, results, user_data, inside, pu)


def run_process(
    req: ProcessRequest,
    collection: dict,
    tiles: Iterable[dict],
    vsi_path: VsiPath,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    compress_tiff: bool = True,
) -> ProcessResult:
    """Execute a validated request against one collection and its tiles (wire form). ``compress_tiff=False``
    writes TIFF outputs uncompressed (an intermediate file that is compressed again later)."""
    rendered = _evaluate(req, collection, tiles, vsi_path, time_limit_s)
    members = []
    for response in req.responses:
        if response.identifier == "userdata":
            members.append((response, encode.encode_json(rendered.user_data)))
            continue
        spec = next(o for o in rendered.requested if o.id == response.identifier)
        values = rendered.results[spec.id]
        members.append((response, _encode_output(spec, values, response, req, rendered.inside, compress_tiff)))
    return ProcessResult(*_package(members, req), processing_units=rendered.processing_units)


def run_process_to_windows(
    req: ProcessRequest,
    collection: dict,
    tiles: Iterable[dict],
    vsi_path: VsiPath,
    time_limit_s: float,
    windows: Sequence[Tuple[int, int, int, int, str]],
    cog_parameters: Optional[dict],
) -> float:
    """Execute a request with one TIFF output and write each ``(x, y, width, height, path)`` window of its grid as a
    GeoTIFF of its own, straight from the rendered values (a COG when ``cog_parameters`` is set, else a Deflate
    GeoTIFF as the Process API answers); return the processing units of the whole request.

    Batch cells: one cell, or adjacent cells rendered together (:mod:`localhub.batch.cells`)."""
    from .cog_write import write_array

    rendered = _evaluate(req, collection, tiles, vsi_path, time_limit_s)
    response = req.responses[0]
    spec = next(o for o in rendered.requested if o.id == response.identifier)
    grid = req.grid
    typed = _output_planes(spec, rendered.results[spec.id], grid, rendered.inside)
    for x0, y0, width, height, path in windows:
        part = typed[:, y0 : y0 + height, x0 : x0 + width]
        write_array(part, grid.sub_geotransform(x0, y0), grid.epsg, spec.nodata, path, cog_parameters)
    return rendered.processing_units


def _check_setup(req: ProcessRequest, setup, band_config: dict) -> None:
    """Every requested output is declared by ``setup()`` (400) and every input band is one of the collection's."""
    for response in req.responses:
        if response.identifier != "userdata" and setup.output(response.identifier) is None:
            raise bad_payload(f"Output {response.identifier} requested but missing from function setup()")
    for name in setup.bands:
        if name != "dataMask" and name not in band_config:
            raise renderer_exception(f"CUSTOM has no band {name}")


def _scenes(script: Evalscript, mosaicking: str, selected: List[TileRef], bucket: str):
    """(tile groups, scene list, ``scenes`` object) for the mosaicking: one group of every tile (SIMPLE), one per
    orbit (ORBIT) or one per tile (TILE), after the evalscript's ``preProcessScenes``."""
    if mosaicking == "SIMPLE":
        return [selected], [tile_scene(t, bucket) for t in selected], {}
    if mosaicking == "ORBIT":
        groups = orbit_groups(selected)
        scene_list = [orbit_scene(g, bucket) for g in groups]
        if script.has_pre_process_scenes:
            kept = script.pre_process_scenes({"scenes": {"orbits": scene_list}})["scenes"].get("orbits") or []
            groups, scene_list = _kept_orbits(kept, selected, bucket)
        return groups, scene_list, {"orbits": scene_list}
    groups = [[t] for t in selected]
    scene_list = [tile_scene(t, bucket) for t in selected]
    if script.has_pre_process_scenes:
        kept = script.pre_process_scenes({"scenes": {"tiles": scene_list}})["scenes"].get("tiles") or []
        by_id = {t.sh_id: t for t in selected}
        groups = [[by_id[s["shId"]]] for s in kept if isinstance(s, dict) and s.get("shId") in by_id]
        scene_list = [tile_scene(g[0], bucket) for g in groups]
    return groups, scene_list, {"tiles": scene_list}


def _read_inputs(
    req: ProcessRequest,
    bands: List[str],
    data_bands: List[str],
    read_bands: List[str],
    groups: List[List[TileRef]],
    reader: _TileReader,
    multi: bool,
):
    """(inputs scenes × bands × pixels, geometry mask or None): every scene's mosaic, ``dataMask`` cleared outside
    the request geometry; 400 when the stack would not fit in memory."""
    grid = req.grid
    npix = grid.width * grid.height
    stack = len(groups) if multi else 1
    if stack * len(bands) * npix * 4 > MAX_STACK_BYTES:
        raise bad_payload(
            f"{stack} scenes × {len(bands)} bands × {grid.width}×{grid.height} px is more than localhub "
            "holds in memory; request fewer pixels or a shorter time range."
        )
    inputs = np.zeros((stack, len(bands), npix), np.float32)
    for s, group in enumerate(groups):
        _fill_scene(inputs[s], bands, data_bands, read_bands, group, reader, grid)
    inside = geometry_mask(req.geometry, grid)
    if inside is not None:
        mask_index = bands.index("dataMask") if "dataMask" in bands else None
        if mask_index is not None:
            inputs[:, mask_index, ~inside.ravel()] = 0.0
    return inputs, inside


def _fill_scene(planes_out, bands, data_bands, read_bands, group, reader, grid) -> None:
    """Mosaic one scene's tiles into ``planes_out`` (setup band order; ``dataMask`` from the data mask)."""
    h, w = grid.height, grid.width
    if reader.bands:
        targets = [planes_out[bands.index(b)].reshape(h, w) for b in data_bands]
        if not data_bands:
            targets = [np.zeros((h, w), np.float32) for _ in read_bands]
        _planes, valid = mosaic(group, grid, len(targets), reader, planes=targets)
    else:
        valid = np.zeros((h, w), bool)
    if "dataMask" in bands:
        planes_out[bands.index("dataMask")] = valid.ravel()


def _kept_orbits(kept: list, selected: List[TileRef], bucket: str):
    by_id = {t.sh_id: t for t in selected}
    groups, scenes = [], []
    for orbit in kept:
        if not isinstance(orbit, dict):
            continue
        group = [by_id[t["shId"]] for t in orbit.get("tiles") or [] if isinstance(t, dict) and t.get("shId") in by_id]
        if group:
            groups.append(group)
            scenes.append(orbit_scene(group, bucket))
    return groups, scenes


def _output_planes(spec: OutputSpec, values: np.ndarray, grid, inside: Optional[np.ndarray]) -> np.ndarray:
    """An output's values (already in its sample type) as bands × height × width, its no-data (else 0) outside the
    request geometry."""
    if spec.bands == 0:
        raise renderer_exception(f"Output {spec.id} has no bands to write.")
    typed = values.reshape(spec.bands, grid.height, grid.width)
    if inside is not None:
        typed[:, ~inside] = spec.nodata if spec.nodata is not None else 0
    return typed


def _encode_output(
    spec: OutputSpec, values: np.ndarray, response, req: ProcessRequest, inside, compress_tiff: bool = True
) -> bytes:
    """Encode one output (values already converted to its sampleType) in the response's format."""
    grid = req.grid
    typed = _output_planes(spec, values, grid, inside)
    if response.mime == "image/tiff":
        return encode.encode_tiff(typed, grid.geotransform, grid.epsg, spec.nodata, compress=compress_tiff)
    if response.mime == "image/png":
        return encode.encode_png(typed, spec.id)
    if response.mime == "image/jpeg":
        return encode.encode_jpeg(typed, spec.id, response.quality)
    raise ProcessError(400, "COMMON_BAD_PAYLOAD", f"Unsupported format {response.mime} for output {spec.id}.")


def _package(members, req: ProcessRequest):
    if req.packaging == "raw":
        response, data = members[0]
        return data, req.content_type_override or response.mime
    if req.packaging == "multipart":
        return encode.pack_multipart([(r.filename, r.mime, d) for r, d in members])
    return encode.pack_tar([(r.filename, d) for r, d in members]), "application/x-tar"


__all__ = [
    "ProcessResult",
    "check_resolution",
    "meters_per_pixel",
    "processing_units",
    "run_process",
    "run_process_to_windows",
]
