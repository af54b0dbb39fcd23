"""Evalscript V3 in V8 (mini-racer): setup(), the optional hooks and a pixel loop that runs inside JS.

Pixels never cross into Python one by one: the harness allocates ``Float32Array`` buffers in V8, numpy views
map the same memory (environment.md §8), Python fills the input planes, one JS call loops over a chunk of
pixels, builds the ``samples`` objects, calls ``evaluatePixel`` and writes every returned band into the output
planes. Errors, time-outs and bad returns become 400 ``RENDERER_EXCEPTION`` with the script's own message.

V8 is initialised by :func:`init_v8` (called before the first context) with flags that are safe on every CPU: on
CPUs with memory protection keys (``pku`` in /proc/cpuinfo) V8's default initialisation off the main thread
segfaults (environment.md, "V8 on CPUs with memory protection keys"). localhub itself renders in worker processes
(:mod:`localhub.process.pool`), each initialising V8 on its own main thread; this module stays usable in-process
(tests, benchmarks) from any thread.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np
from py_mini_racer import MiniRacer, init_mini_racer
from py_mini_racer._exc import JSEvalException, JSOOMException, JSTimeoutException, MiniRacerBaseException

from .errors import renderer_exception
from .limits import DEFAULT_HEAP_LIMIT, DEFAULT_TIME_LIMIT_S

SAMPLE_TYPES = ("AUTO", "UINT8", "UINT16", "INT8", "INT16", "FLOAT32")
MOSAICKING = ("SIMPLE", "ORBIT", "TILE")
# --single-threaded: no V8 platform worker threads; --no-memory-protection-keys: V8 does not tie its code pages to
# the initialising thread's protection key, so contexts may be used from any thread on PKU CPUs.
SAFE_V8_FLAGS = ("--single-threaded", "--no-memory-protection-keys")
_V8_LOCK = threading.Lock()
_V8_READY: List[bool] = []
CHUNK_PIXELS = 1 << 19
_BUILTINS = (Path(__file__).with_name("builtins.js")).read_text(encoding="utf-8")
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_VERSION = re.compile(r"^\s*//\s*VERSION\s*=\s*(\S+)", re.IGNORECASE)
_FAILED = "Failed to evaluate script!\n"


@dataclass
class OutputSpec:
    """One ``setup().output`` entry."""

    id: str
    bands: int
    sample_type: str = "AUTO"
    nodata: Optional[float] = None

    def as_js(self) -> dict:
        out = {"id": self.id, "bands": self.bands, "sampleType": self.sample_type}
        if self.nodata is not None:
            out["nodataValue"] = self.nodata
        return out


@dataclass
class ScriptSetup:
    """What ``setup()`` declared, normalized."""

    bands: List[str]
    outputs: List[OutputSpec]
    mosaicking: str = "SIMPLE"
    units: List[str] = field(default_factory=list)

    def output(self, output_id: str) -> Optional[OutputSpec]:
        return next((o for o in self.outputs if o.id == output_id), None)


def script_version(source: str) -> Optional[str]:
    """The ``//VERSION=n`` of the first non-empty line, or None when there is none."""
    for line in source.splitlines():
        if line.strip():
            match = _VERSION.match(line)
            return match.group(1) if match else None
    return None


def _js_error_text(exc: BaseException) -> str:
    """The V8 message and stack, naming the user's script ``evalscript.js`` and hiding localhub's frames."""
    lines = [line for line in str(exc).splitlines() if "localhub-" not in line]
    return "\n".join(lines).replace("<anonymous>", "evalscript.js").rstrip() + "\n"


def init_v8() -> None:
    """Initialise V8 with :data:`SAFE_V8_FLAGS` and create the process's first context (once; then a no-op).

    The first context is created under a lock: even with these flags, first contexts created from several threads
    at once abort V8 now and then (``Check failed: !IsConfigurablePoolInitialized()``, 7 of 40 runs with 4
    threads; 0 of 80 once one context existed). Call it on the main thread before other threads use V8 where
    possible (the render workers do); it is also safe off the main thread.
    """
    if _V8_READY:
        return
    with _V8_LOCK:
        if not _V8_READY:
            init_mini_racer(flags=SAFE_V8_FLAGS, ignore_duplicate_init=True)
            MiniRacer().close()
            _V8_READY.append(True)


class Evalscript:
    """One evalscript compiled in its own V8 context; the time limit covers all JS run for one request.

    Use as a context manager (or call ``close()``) so the V8 isolate and its buffers are released.
    """

    def __init__(
        self, source: str, time_limit_s: float = DEFAULT_TIME_LIMIT_S, heap_limit: int = DEFAULT_HEAP_LIMIT
    ) -> None:
        version = script_version(source)
        if version is not None and version != "3":
            raise renderer_exception(
                f"Evalscript version {version} is not supported by localhub: start the script with //VERSION=3."
            )
        self.time_limit_s = time_limit_s
        self.js_seconds = 0.0
        init_v8()
        self._ctx: Optional[MiniRacer] = MiniRacer()
        self._ctx.set_hard_memory_limit(heap_limit)
        self._capacity = 0
        self._buffers: tuple = ()
        self._run_key: Optional[tuple] = None
        self._eval(_BUILTINS + "\n//# sourceURL=localhub-builtins.js\n")
        self._eval(source + "\n//# sourceURL=evalscript.js\n")
        kinds = self._eval(
            "JSON.stringify([typeof setup, typeof evaluatePixel, typeof preProcessScenes, "
            "typeof updateOutput, typeof updateOutputMetadata])"
        )
        setup_t, eval_t, pre_t, upd_t, meta_t = json.loads(kinds)
        if setup_t != "function":
            raise renderer_exception(_FAILED + "Evalscript V3 must define function setup().\n")
        if eval_t != "function":
            raise renderer_exception(_FAILED + "Evalscript V3 must define function evaluatePixel(samples).\n")
        self.has_pre_process_scenes = pre_t == "function"
        self.has_update_output = upd_t == "function"
        self.has_update_output_metadata = meta_t == "function"

    # -- plumbing -------------------------------------------------------------------------------------------

    def __enter__(self) -> Evalscript:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the V8 context (drop numpy views first: they point into V8 memory)."""
        self._buffers = ()
        if self._ctx is not None:
            self._ctx.close()
            self._ctx = None

    def _eval(self, code: str):
        remaining = self.time_limit_s - self.js_seconds
        if remaining <= 0:
            raise self._timeout_error()
        start = time.perf_counter()
        try:
            return self._ctx.eval(code, timeout_sec=remaining)
        except JSTimeoutException:
            self._drain()
            raise self._timeout_error() from None
        except JSOOMException:
            raise renderer_exception(_FAILED + "The evalscript ran out of memory.\n") from None
        except (JSEvalException, MiniRacerBaseException) as exc:
            raise renderer_exception(_FAILED + _js_error_text(exc)) from None
        finally:
            self.js_seconds += time.perf_counter() - start

    def _drain(self) -> None:
        """After a time-out, let V8 deliver the cancelled task's callback before the context may be closed
        (otherwise mini-racer reports "Event loop is closed" from its callback thread)."""
        try:
            self._ctx.eval("0", timeout_sec=5)
        except MiniRacerBaseException:
            pass

    def _timeout_error(self):
        return renderer_exception(
            _FAILED + f"Evalscript execution exceeded the time limit of {self.time_limit_s:g} s.\n"
        )

    def _json(self, expression: str):
        text = self._eval(f"JSON.stringify({expression})")
        return json.loads(text) if isinstance(text, str) else None

    # -- setup and hooks ------------------------------------------------------------------------------------

    def setup(self) -> ScriptSetup:
        """Run ``setup()`` and normalize its answer (bands, outputs, mosaicking)."""
        raw = self._json("(function(){ const s = setup(); globalThis.__lh_setup = s; return s; })()")
        if not isinstance(raw, dict):
            raise renderer_exception(_FAILED + "setup() must return an object with input and output.\n")
        bands, units = _parse_input(raw.get("input"))
        outputs = _parse_outputs(raw.get("output"))
        mosaicking = str(raw.get("mosaicking") or "SIMPLE").upper()
        if mosaicking not in MOSAICKING:
            raise renderer_exception(
                _FAILED + f"Unknown mosaicking {raw.get('mosaicking')!r}; use SIMPLE, ORBIT or TILE.\n"
            )
        return ScriptSetup(bands, outputs, mosaicking, units)

    def pre_process_scenes(self, collections: dict) -> dict:
        """Call ``preProcessScenes(collections)`` and return what it gave back (same shape)."""
        self._eval(f"globalThis.__lh_collections = {json.dumps(collections)};")
        result = self._json("preProcessScenes(__lh_collections)")
        if not isinstance(result, dict) or not isinstance(result.get("scenes"), dict):
            raise renderer_exception(_FAILED + "preProcessScenes(collections) must return collections.\n")
        return result

    def update_output(self, outputs: List[OutputSpec], scenes: list) -> List[OutputSpec]:
        """Call ``updateOutput(outputs, collection)``; returns the outputs with their (possibly new) band counts."""
        by_id = {o.id: o.as_js() for o in outputs}
        self._eval(
            f"globalThis.__lh_outputs = {json.dumps(by_id)};"
            f"updateOutput(__lh_outputs, {{scenes: {json.dumps(scenes)}}});"
        )
        updated = self._json("__lh_outputs") or {}
        result = []
        for spec in outputs:
            item = updated.get(spec.id) or {}
            bands = item.get("bands", spec.bands)
            if not isinstance(bands, int) or bands < 0:
                raise renderer_exception(_FAILED + f"updateOutput set an invalid band count for {spec.id}.\n")
            result.append(OutputSpec(spec.id, bands, spec.sample_type, spec.nodata))
        return result

    def set_context(self, scenes: dict, input_metadata: dict, custom_data: Optional[dict] = None) -> None:
        """The ``scenes``, ``inputMetadata``, ``customData`` passed to every ``evaluatePixel`` call."""
        self._eval(
            f"globalThis.__lh_scenes = {json.dumps(scenes)};"
            f"globalThis.__lh_inputMetadata = {json.dumps(input_metadata)};"
            f"globalThis.__lh_customData = {json.dumps(custom_data or {})};"
            "globalThis.__lh_outputMetadata = globalThis.__lh_outputMetadata || {};"
        )

    def update_output_metadata(self) -> object:
        """Call ``updateOutputMetadata`` if defined; return ``outputMetadata.userData`` (JSON-ready) or None."""
        self._eval("globalThis.__lh_outputMetadata = globalThis.__lh_outputMetadata || {};")
        if self.has_update_output_metadata:
            self._eval("updateOutputMetadata(__lh_scenes, __lh_inputMetadata, __lh_outputMetadata);")
        return self._json("__lh_outputMetadata.userData")

    # -- the pixel loop -------------------------------------------------------------------------------------

    def evaluate(
        self,
        bands: Sequence[str],
        inputs: np.ndarray,
        outputs: Sequence[OutputSpec],
        scene_count: Optional[int] = None,
        chunk: int = CHUNK_PIXELS,
        convert: Optional[Callable[[np.ndarray, OutputSpec], np.ndarray]] = None,
    ) -> Dict[str, np.ndarray]:
        """Run ``evaluatePixel`` over every pixel; return ``{output id: array (bands, npixels)}``.

        ``inputs`` is float32 ``(len(bands), n)`` for SIMPLE or ``(scenes, len(bands), n)`` with
        ``scene_count`` set (ORBIT/TILE: ``samples`` is then an array with one object per scene).
        Only ``outputs`` are written (the requested ones); others the script returns are ignored. Values are
        float32 as the script returned them, or, with ``convert(values, spec)`` (e.g. the sampleType rules),
        converted chunk by chunk so no full-size float copy of the output is ever held.
        """
        for name in bands:
            if not _IDENT.match(name):
                raise renderer_exception(f"Band name {name!r} is not a valid JavaScript identifier.")
        multi = scene_count is not None
        planes = inputs.reshape(-1, inputs.shape[-1]) if inputs.size else inputs.reshape(0, inputs.shape[-1])
        npix = inputs.shape[-1]
        results = {}
        for o in outputs:
            sample = np.zeros((o.bands, 1), np.float32)
            kind = convert(sample, o).dtype if convert is not None else np.float32
            results[o.id] = np.empty((o.bands, npix), kind)
        if npix == 0:
            return results
        capacity = min(chunk, npix)
        key = (tuple(bands), scene_count, tuple((o.id, o.bands) for o in outputs), capacity)
        if key != self._run_key:
            self._compile_runner(bands, outputs, scene_count if multi else None, capacity, planes.shape[0])
            self._run_key = key
        in_view, out_view = self._buffers
        for start in range(0, npix, capacity):
            n = min(capacity, npix - start)
            if planes.shape[0]:
                in_view[:, :n] = planes[:, start : start + n]
            self._eval(f"__lh_run({n})\n//# sourceURL=localhub-run.js")
            row = 0
            for spec in outputs:
                values = out_view[row : row + spec.bands, :n]
                results[spec.id][:, start : start + n] = convert(values, spec) if convert is not None else values
                row += spec.bands
        return results

    def _compile_runner(self, bands, outputs, scene_count, capacity, in_planes) -> None:
        self._buffers = ()
        out_planes = sum(o.bands for o in outputs)
        self._eval(
            f"globalThis.__lh_inbuf = new Float32Array({max(1, in_planes) * capacity});"
            f"globalThis.__lh_outbuf = new Float32Array({max(1, out_planes) * capacity});"
        )
        in_view = np.frombuffer(self._ctx.eval("__lh_inbuf.buffer"), np.float32)
        out_view = np.frombuffer(self._ctx.eval("__lh_outbuf.buffer"), np.float32)
        self._buffers = (
            in_view[: in_planes * capacity].reshape(in_planes, capacity),
            out_view[: out_planes * capacity].reshape(out_planes, capacity),
        )
        self._eval(_runner_source(bands, outputs, scene_count, capacity, in_planes, out_planes))


def _parse_input(raw) -> tuple:
    if raw is None:
        raise renderer_exception(_FAILED + "setup() must declare input bands.\n")
    items = raw if isinstance(raw, list) else [raw]
    bands: List[str] = []
    units: List[str] = []
    for item in items:
        if isinstance(item, str):
            names = [item]
        elif isinstance(item, dict):
            names = item.get("bands") or []
            if isinstance(names, str):
                names = [names]
            if item.get("units") is not None:
                units.extend(item["units"] if isinstance(item["units"], list) else [item["units"]])
        else:
            raise renderer_exception(_FAILED + "setup().input must list band names or {bands: [...]} objects.\n")
        for name in names:
            if not isinstance(name, str) or not _IDENT.match(name):
                raise renderer_exception(_FAILED + f"Invalid input band name {name!r} in setup().\n")
            if name not in bands:
                bands.append(name)
    return bands, units


def _parse_outputs(raw) -> List[OutputSpec]:
    if raw is None:
        raise renderer_exception(_FAILED + "setup() must declare output.\n")
    items = raw if isinstance(raw, list) else [raw]
    outputs: List[OutputSpec] = []
    for item in items:
        if not isinstance(item, dict):
            raise renderer_exception(_FAILED + "setup().output entries must be objects {id, bands, sampleType}.\n")
        out_id = item.get("id") or "default"
        bands = item.get("bands", 1)
        if isinstance(bands, bool) or not isinstance(bands, (int, float)) or bands != int(bands) or bands < 0:
            raise renderer_exception(_FAILED + f"Output {out_id}: bands must be a non-negative integer.\n")
        sample_type = str(item.get("sampleType") or "AUTO").upper()
        if sample_type not in SAMPLE_TYPES:
            raise renderer_exception(
                _FAILED
                + f"Output {out_id}: unknown sampleType {item.get('sampleType')!r}; use one of "
                + ", ".join(SAMPLE_TYPES)
                + ".\n"
            )
        nodata = item.get("nodataValue")
        if nodata is not None and not isinstance(nodata, (int, float)):
            raise renderer_exception(_FAILED + f"Output {out_id}: nodataValue must be a number.\n")
        if any(o.id == out_id for o in outputs):
            raise renderer_exception(_FAILED + f"Output id {out_id} is declared twice in setup().\n")
        outputs.append(OutputSpec(str(out_id), int(bands), sample_type, None if nodata is None else float(nodata)))
    return outputs


def _runner_source(bands, outputs, scene_count, capacity, in_planes, out_planes) -> str:
    """JS specialised to this band list and output layout: object literals with fixed keys, unrolled writes."""
    lines = ["globalThis.__lh_run = function (n) {"]
    lines.append(
        f"  const I = []; for (let k = 0; k < {in_planes}; k++) "
        f"I.push(__lh_inbuf.subarray(k * {capacity}, (k + 1) * {capacity}));"
    )
    lines.append(
        f"  const O = []; for (let k = 0; k < {out_planes}; k++) "
        f"O.push(__lh_outbuf.subarray(k * {capacity}, (k + 1) * {capacity}));"
    )
    for k in range(in_planes if scene_count is None else 0):
        lines.append(f"  const i{k} = I[{k}];")
    row = 0
    for j, spec in enumerate(outputs):
        if spec.bands <= 8:
            for b in range(spec.bands):
                lines.append(f"  const o{j}_{b} = O[{row + b}];")
        else:
            lines.append(f"  const o{j} = O.slice({row}, {row + spec.bands});")
        row += spec.bands
    lines.append("  const sc = __lh_scenes, im = __lh_inputMetadata, cd = __lh_customData, om = __lh_outputMetadata;")
    nb = len(bands)
    lines.append("  for (let i = 0; i < n; i++) {")
    if scene_count is None:
        fields = ", ".join(f"{name}: i{k}[i]" for k, name in enumerate(bands))
        lines.append(f"    const s = {{{fields}}};")
    else:
        fields = ", ".join(f"{name}: I[b + {k}][i]" for k, name in enumerate(bands))
        lines.append(f"    const s = new Array({scene_count});")
        lines.append(f"    for (let q = 0, b = 0; q < {scene_count}; q++, b += {nb}) s[q] = {{{fields}}};")
    lines.append("    const r = evaluatePixel(s, sc, im, cd, om);")
    zeros = []
    for j, spec in enumerate(outputs):
        if spec.bands <= 8:
            zeros += [f"o{j}_{b}[i] = 0;" for b in range(spec.bands)]
        else:
            zeros.append(f"for (let b = 0; b < {spec.bands}; b++) o{j}[b][i] = 0;")
    lines.append(f"    if (r === undefined || r === null) {{ {' '.join(zeros)} continue; }}")
    lines.append("    const keyed = typeof r === 'object' && !Array.isArray(r) && !ArrayBuffer.isView(r);")
    single = len(outputs) == 1
    for j, spec in enumerate(outputs):
        if single:
            lines.append(f"    const a{j} = keyed ? r[{json.dumps(spec.id)}] : r;")
        else:
            lines.append(f"    if (!keyed) __lh_notKeyed({len(outputs)});")
            lines.append(f"    const a{j} = r[{json.dumps(spec.id)}];")
        lines.append(f"    if (a{j} === undefined) __lh_missing({json.dumps(spec.id)});")
        ident = json.dumps(spec.id)
        lines.append(f"    if (a{j}.length !== {spec.bands}) __lh_badLength({ident}, {spec.bands}, a{j});")
        if spec.bands <= 8:
            for b in range(spec.bands):
                lines.append(f"    o{j}_{b}[i] = a{j}[{b}];")
        else:
            lines.append(f"    for (let b = 0; b < {spec.bands}; b++) o{j}[b][i] = a{j}[b];")
    lines.append("  }")
    lines.append("};")
    lines.append(
        "globalThis.__lh_missing = function (id) { throw new Error("
        "'evaluatePixel returned no values for output \"' + id + '\".'); };"
    )
    lines.append(
        "globalThis.__lh_notKeyed = function (count) { throw new Error("
        "'setup() declares ' + count + ' outputs: evaluatePixel must return an object keyed by output id.'); };"
    )
    lines.append(
        "globalThis.__lh_badLength = function (id, expected, value) { throw new Error("
        "'Output \"' + id + '\" has ' + expected + ' bands but evaluatePixel returned ' + "
        "((value && value.length !== undefined) ? value.length + ' values' : String(value)) + '.'); };"
    )
    lines.append("//# sourceURL=localhub-harness.js")
    return "\n".join(lines)
