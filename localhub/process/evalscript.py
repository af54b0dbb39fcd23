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

Isolates are reused between requests (creating one costs more CPU than rendering a small request): every script
runs as the body of a fresh function, so its top-level ``const``/``let``/``function``/``var`` are that call's
locals (unlike in a plain script they are no properties of ``globalThis``), and before each reuse the global object
is restored to its state after the built-ins loaded while every built-in object reachable from it is checked
against a snapshot. Discarded instead: an isolate that cannot be brought back (a built-in changed, a global that
cannot be deleted), every isolate whose request failed or timed out, and those of scripts that mention timers,
``Atomics``, ``WeakRef`` or ``FinalizationRegistry`` (work that could run after the request). Scripts that fail
inside the function wrapper are run again as a plain script in a new isolate, so V8's messages stay the same.
See :class:`_Isolate`.
"""

from __future__ import annotations

import atexit
import json
import os
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
_HOOKS = ("setup", "evaluatePixel", "preProcessScenes", "updateOutput", "updateOutputMetadata")
_HOOKS_JS = "{__lh_hooks: true, " + ", ".join(f"{h}: typeof {h} === 'function' ? {h} : undefined" for h in _HOOKS) + "}"
# A script runs as the body of this function (on the script's first line, so line numbers stay); __lh_begin calls it
_WRAP_HEAD = "__lh_begin(function () {"
_WRAP_TAIL = "\n;return " + _HOOKS_JS + ";\n}, __LH_REUSE__)\n//# sourceURL=evalscript.js\n"
# Work that may run after the request ended, outside any check: never reuse the isolate of such a script
_DEFERRED = re.compile(r"\b(?:Atomics|FinalizationRegistry|WeakRef|setTimeout|setInterval)\b")
MAX_IDLE_ISOLATES = 2
MAX_JOBS_PER_ISOLATE = 200

# Loaded once per isolate after the built-ins; with keep=true it snapshots the global object and the built-ins (a
# few ms, so only in isolates that may be reused). __lh_begin(fn, reuse) restores the global object and checks the
# built-ins (reuse) and answers "dirty" when the isolate cannot be reused, else calls fn (the wrapped script, or in
# the classic fallback a function that collects the hooks), keeps its hooks in __lh_hooks, runs setup() and answers
# JSON [hook kinds, setup()'s result]; "classic" when fn returned early (a top-level return). Functions the check
# relies on are captured here, before any user script ran.
_SANDBOX_JS = r"""(function (keep) {
  "use strict";
  const G = globalThis, ownKeys = Reflect.ownKeys, describe = Object.getOwnPropertyDescriptor;
  const define = Reflect.defineProperty, remove = Reflect.deleteProperty, apply = Reflect.apply;
  const protoOf = Object.getPrototypeOf, isExtensible = Object.isExtensible, same = Object.is;
  const stringify = JSON.stringify, call = Function.prototype.call, emptyRx = /(?:)/;
  const setHas = call.bind(Set.prototype.has), rxExec = call.bind(RegExp.prototype.exec);
  define(G, "__lh_begin", { value: function (fn, reuse) {
    if (reuse && !(restoreGlobals() && builtinsUnchanged())) return "dirty";
    const h = apply(fn, G, []);
    if (h === null || typeof h !== "object" || h.__lh_hooks !== true) return "classic";
    G.__lh_hooks = h;
    const kinds = [typeof h.setup, typeof h.evaluatePixel, typeof h.preProcessScenes, typeof h.updateOutput,
      typeof h.updateOutputMetadata];
    const ready = kinds[0] === "function" && kinds[1] === "function";
    return stringify([kinds, ready ? apply(h.setup, undefined, []) : null]);
  } });
  const seen = new Set(), snapshot = [];
  const visit = (o, depth) => {
    if (!keep) return;
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) return;
    seen.add(o);
    snapshot.push({ o, depth });
  };
  visit(G, 0);
  // Every object reachable from the global object; full descriptors for the global object, its values and their
  // prototype objects (where scripts put state), own-key counts for the deeper ones (e.g. single methods).
  for (let i = 0; i < snapshot.length; i++) {
    const s = snapshot[i], keys = ownKeys(s.o), descs = [];
    for (const k of keys) {
      const d = describe(s.o, k);
      descs.push(d);
      visit(d.value, s.depth + 1); visit(d.get, s.depth + 1); visit(d.set, s.depth + 1);
    }
    s.proto = protoOf(s.o); s.extensible = isExtensible(s.o); s.keys = keys;
    s.descs = s.depth <= 1 || (s.depth === 2 && typeof s.o === "object") ? descs : null;
    visit(s.proto, s.depth);
  }
  const globals = new Set(keep ? snapshot[0].keys : []);
  const sameDesc = (d, e) => d !== undefined && same(d.value, e.value) && d.get === e.get && d.set === e.set &&
    d.writable === e.writable && d.enumerable === e.enumerable && d.configurable === e.configurable;
  function restoreGlobals() {
    const g = snapshot[0], now = ownKeys(G);
    for (let i = 0; i < now.length; i++) if (!setHas(globals, now[i])) remove(G, now[i]);
    for (let j = 0; j < g.keys.length; j++) {
      if (!sameDesc(describe(G, g.keys[j]), g.descs[j]) && !define(G, g.keys[j], g.descs[j])) return false;
    }
    rxExec(emptyRx, "");  // RegExp.lastMatch, $1… and input no longer show the last script's text
    return ownKeys(G).length === g.keys.length;
  }
  function builtinsUnchanged() {
    for (let i = 1; i < snapshot.length; i++) {
      const s = snapshot[i], o = s.o;
      if (protoOf(o) !== s.proto || isExtensible(o) !== s.extensible || ownKeys(o).length !== s.keys.length) {
        return false;
      }
      if (s.descs === null) continue;
      for (let j = 0; j < s.keys.length; j++) if (!sameDesc(describe(o, s.keys[j]), s.descs[j])) return false;
    }
    return true;
  }
})(__LH_KEEP__);
//# sourceURL=localhub-sandbox.js
"""


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


def _js_error_text(exc: BaseException, wrapped: bool = False) -> str:
    """The V8 message and stack, naming the user's script ``evalscript.js`` and hiding localhub's frames;
    ``wrapped``: the script ran inside :data:`_WRAP_HEAD`, which is taken out of line 1 and its columns."""
    lines = [line for line in str(exc).splitlines() if "localhub-" not in line]
    if wrapped:
        shift = len(_WRAP_HEAD)
        for i, line in enumerate(lines):
            if line.startswith(_WRAP_HEAD):
                lines[i] = line[shift:]
                if i + 1 < len(lines) and lines[i + 1].strip(" ^") == "":
                    lines[i + 1] = lines[i + 1][shift:]
        fix = lambda m: f"evalscript.js:1:{max(1, int(m.group(1)) - shift)}"  # noqa: E731
        lines = [re.sub(r"evalscript\.js:1:(\d+)", fix, line) for line in lines]
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


class _Isolate:
    """A V8 isolate (one MiniRacer) with the built-ins and the sandbox loaded, lent to one request at a time.

    Idle isolates wait in :data:`_IDLE` (at most :data:`MAX_IDLE_ISOLATES`, each for at most
    :data:`MAX_JOBS_PER_ISOLATE` requests). Before a request runs in a reused isolate, ``__lh_begin`` deletes the
    globals the last request added, restores those it changed and compares every built-in object reachable from
    the global object with the snapshot taken when the isolate was made; on any difference the isolate is closed
    and the request runs in a new one.
    """

    def __init__(self, keep: bool) -> None:
        init_v8()
        self.pid = os.getpid()
        self.jobs = 0
        self.keep = keep  # snapshot taken: may go back to the pool
        self.racer = MiniRacer()
        self.racer.eval(_BUILTINS + "\n//# sourceURL=localhub-builtins.js\n")
        self.racer.eval(_SANDBOX_JS.replace("__LH_KEEP__", "true" if keep else "false"))

    def close(self) -> None:
        self.racer.close()


_IDLE: List[_Isolate] = []
_IDLE_LOCK = threading.Lock()


def _take_isolate(keep: bool) -> _Isolate:
    """An idle isolate, else a new one (``keep``: able to go back to the pool afterwards)."""
    with _IDLE_LOCK:
        while _IDLE:
            isolate = _IDLE.pop()
            if isolate.pid == os.getpid():  # never one inherited through fork: its V8 threads are not here
                return isolate
    return _Isolate(keep)


def _give_back(isolate: _Isolate) -> None:
    with _IDLE_LOCK:
        if isolate.keep and isolate.jobs < MAX_JOBS_PER_ISOLATE and len(_IDLE) < MAX_IDLE_ISOLATES:
            _IDLE.append(isolate)
            return
    isolate.close()


@atexit.register
def _close_idle_isolates() -> None:
    """Close idle isolates at exit, in order (not left to garbage collection during interpreter shutdown)."""
    with _IDLE_LOCK:
        idle = [i for i in _IDLE if i.pid == os.getpid()]
        _IDLE.clear()
    for isolate in idle:
        isolate.close()


class Evalscript:
    """One evalscript in its own global scope of a V8 isolate; the time limit covers all JS run for one request.

    Use as a context manager (or call ``close()``) so the isolate goes back to the pool (or is closed after a
    failure) and the numpy views onto its buffers are dropped.
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
        self._heap_limit = heap_limit
        self._isolate: Optional[_Isolate] = None
        self._ctx: Optional[MiniRacer] = None
        self._reusable = _DEFERRED.search(source) is None
        self._wrapped = True  # the script runs inside _WRAP_HEAD … _WRAP_TAIL (False: the classic fallback)
        self._capacity = 0
        self._buffers: tuple = ()
        self._run_key: Optional[tuple] = None
        self._pending = ""  # JS for the next eval (set_context: one round trip less)
        answer = None
        for _attempt in range(2):  # a dirty isolate is closed and the script runs in a new one
            self._use(_take_isolate(self._reusable))
            reuse = "true" if self._isolate.jobs > 1 else "false"  # a new isolate needs no reset
            answer = self._eval(_WRAP_HEAD + source + _WRAP_TAIL.replace("__LH_REUSE__", reuse), js_error="classic")
            if answer != "dirty":
                break
        if answer in ("classic", "dirty"):
            answer = self._begin_classic(source)
        (setup_t, eval_t, pre_t, upd_t, meta_t), self._setup_raw = json.loads(answer)
        if setup_t != "function":
            raise renderer_exception(_FAILED + "Evalscript V3 must define function setup().\n")
        if eval_t != "function":
            raise renderer_exception(_FAILED + "Evalscript V3 must define function evaluatePixel(samples).\n")
        self.has_pre_process_scenes = pre_t == "function"
        self.has_update_output = upd_t == "function"
        self.has_update_output_metadata = meta_t == "function"

    def _use(self, isolate: _Isolate) -> None:
        """Run in ``isolate`` from now on (closing the one used until now)."""
        if self._isolate is not None:
            self._isolate.close()
        isolate.jobs += 1
        isolate.racer.set_hard_memory_limit(self._heap_limit)
        self._isolate, self._ctx = isolate, isolate.racer

    def _begin_classic(self, source: str) -> str:
        """The script as a plain top-level script in a new isolate that is never reused: the exact behaviour and
        error messages of V8 for scripts that fail (or return early) inside the function wrapper."""
        self._use(_Isolate(keep=False))
        self._reusable = self._wrapped = False
        self._eval(source + "\n//# sourceURL=evalscript.js\n")
        return self._eval(f"__lh_begin(function () {{ return {_HOOKS_JS}; }}, false)\n//# sourceURL=localhub-begin.js")

    # -- plumbing -------------------------------------------------------------------------------------------

    def __enter__(self) -> Evalscript:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Drop the numpy views (they point into V8 memory) and return the isolate, or close it after a failure."""
        self._buffers = ()
        isolate, self._isolate, self._ctx = self._isolate, None, None
        if isolate is not None:
            if self._reusable:
                _give_back(isolate)
            else:
                isolate.close()

    def _eval(self, code: str, js_error: Optional[str] = None):
        """Evaluate ``code`` (after any pending context) within the remaining time; errors become 400
        ``RENDERER_EXCEPTION`` (a script error returns ``js_error`` instead when given). Any error makes the
        isolate single-use."""
        code, self._pending = self._pending + code, ""
        remaining = self.time_limit_s - self.js_seconds
        if remaining <= 0:
            self._reusable = False
            raise self._timeout_error()
        start = time.perf_counter()
        try:
            return self._ctx.eval(code, timeout_sec=remaining)
        except JSTimeoutException:
            self._reusable = False
            self._drain()
            raise self._timeout_error() from None
        except JSOOMException:
            self._reusable = False
            raise renderer_exception(_FAILED + "The evalscript ran out of memory.\n") from None
        except (JSEvalException, MiniRacerBaseException) as exc:
            self._reusable = False
            if js_error is not None:
                return js_error
            raise renderer_exception(_FAILED + _js_error_text(exc, self._wrapped)) from None
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

    def _json(self, code: str):
        text = self._eval(code)
        return json.loads(text) if isinstance(text, str) else None

    # -- setup and hooks ------------------------------------------------------------------------------------

    def setup(self) -> ScriptSetup:
        """What ``setup()`` answered (it ran when the script was loaded), normalized (bands, outputs, mosaicking)."""
        raw = self._setup_raw
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
        result = self._json(f"JSON.stringify(__lh_hooks.preProcessScenes({json.dumps(collections)}))")
        if not isinstance(result, dict) or not isinstance(result.get("scenes"), dict):
            raise renderer_exception(_FAILED + "preProcessScenes(collections) must return collections.\n")
        return result

    def update_output(self, outputs: List[OutputSpec], scenes: list) -> List[OutputSpec]:
        """Call ``updateOutput(outputs, collection)``; returns the outputs with their (possibly new) band counts."""
        by_id = {o.id: o.as_js() for o in outputs}
        updated = (
            self._json(
                f"globalThis.__lh_outputs = {json.dumps(by_id)};"
                f"__lh_hooks.updateOutput(__lh_outputs, {{scenes: {json.dumps(scenes)}}});"
                "JSON.stringify(__lh_outputs)"
            )
            or {}
        )
        result = []
        for spec in outputs:
            item = updated.get(spec.id) or {}
            bands = item.get("bands", spec.bands)
            if not isinstance(bands, int) or bands < 0:
                raise renderer_exception(_FAILED + f"updateOutput set an invalid band count for {spec.id}.\n")
            result.append(OutputSpec(spec.id, bands, spec.sample_type, spec.nodata))
        return result

    def set_context(self, scenes: dict, input_metadata: dict, custom_data: Optional[dict] = None) -> None:
        """The ``scenes``, ``inputMetadata``, ``customData`` passed to every ``evaluatePixel`` call (sent with the
        next call into V8)."""
        self._pending += (
            f"globalThis.__lh_scenes = {json.dumps(scenes)};"
            f"globalThis.__lh_inputMetadata = {json.dumps(input_metadata)};"
            f"globalThis.__lh_customData = {json.dumps(custom_data or {})};"
            "globalThis.__lh_outputMetadata = globalThis.__lh_outputMetadata || {};\n"
        )

    def update_output_metadata(self) -> object:
        """Call ``updateOutputMetadata`` if defined; return ``outputMetadata.userData`` (JSON-ready) or None."""
        hook = (
            "__lh_hooks.updateOutputMetadata(__lh_scenes, __lh_inputMetadata, __lh_outputMetadata);"
            if self.has_update_output_metadata
            else ""
        )
        return self._json(
            "globalThis.__lh_outputMetadata = globalThis.__lh_outputMetadata || {};"
            f"{hook}JSON.stringify(__lh_outputMetadata.userData)"
        )

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
        """One round trip: allocate the input and output planes in one ``ArrayBuffer``, define the runner, and map
        the buffer as numpy views."""
        self._buffers = ()
        out_planes = sum(o.bands for o in outputs)
        in_size, out_size = max(1, in_planes) * capacity, max(1, out_planes) * capacity
        memory = self._eval(
            f"globalThis.__lh_buf = new Float32Array({in_size + out_size});"
            f"globalThis.__lh_inbuf = __lh_buf.subarray(0, {in_size});"
            f"globalThis.__lh_outbuf = __lh_buf.subarray({in_size});\n"
            + _runner_source(bands, outputs, scene_count, capacity, in_planes, out_planes)
            + "\n__lh_buf.buffer"
        )
        view = np.frombuffer(memory, np.float32)
        self._buffers = (
            view[: in_planes * capacity].reshape(in_planes, capacity),
            view[in_size : in_size + out_planes * capacity].reshape(out_planes, capacity),
        )


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
    lines.append("  const ep = __lh_hooks.evaluatePixel;")
    nb = len(bands)
    lines.append("  for (let i = 0; i < n; i++) {")
    if scene_count is None:
        fields = ", ".join(f"{name}: i{k}[i]" for k, name in enumerate(bands))
        lines.append(f"    const s = {{{fields}}};")
    else:
        fields = ", ".join(f"{name}: I[b + {k}][i]" for k, name in enumerate(bands))
        lines.append(f"    const s = new Array({scene_count});")
        lines.append(f"    for (let q = 0, b = 0; q < {scene_count}; q++, b += {nb}) s[q] = {{{fields}}};")
    lines.append("    const r = ep(s, sc, im, cd, om);")
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
