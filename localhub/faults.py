"""Fault injection for tests: 429s, 5xx, delays and dropped connections, by probability or scripted sequence.

Off by default; enabled by ``--fault-injection FILE`` (JSON). Then ``GET/PUT /localhub/faults`` show and replace
the configuration at run time (these routes do not exist otherwise and never appear in ``/openapi.json``)::

    {"seed": 1,
     "rules": [
       {"method": "POST", "path": "/api/v1/byoc/collections/*/tiles", "sequence": [{"drop": "after"}, "pass"]},
       {"path": "/api/v1/byoc/*", "probability": 0.2, "fault": {"status": 503}},
       {"path": "/api/v1/byoc/collections", "sequence": [{"status": 429, "retryAfterMs": 150}, {"delay": 0.5}]}
     ]}

A rule matches by ``method`` (optional) and ``path`` (shell-style glob on the URL path). ``sequence`` items are
used one per matching request (``"pass"``/null = no fault; an exhausted sequence stops matching, later rules get a
chance); ``probability`` + ``fault`` fire at random (``times`` caps how often; the first matching probability rule
decides, so mix fault kinds with ``"faults": [...]``, one of which is picked at random when the rule fires).
Faults: ``{"status": 429|5xx, "retryAfterMs"?, "message"?}``, ``{"delay": seconds}`` (then the request proceeds,
or the status is sent), ``{"drop": "before"}`` (connection closed, request not processed) and ``{"drop": "after"}``
(request fully processed and committed, then the connection is closed without an answer).

localhub's own S3 server applies the rules of an ``"s3"`` section of the same file (same rule format; paths are
``/bucket/key``; statuses answer with S3's XML errors, e.g. ``503 SlowDown``), shown and replaced at run time by
``GET/PUT http://<S3 endpoint>/_localhub/faults`` (see :mod:`localhub.s3_guard`)::

    {"rules": [...API rules...],
     "s3": {"seed": 2,
            "rules": [{"path": "/*", "probability": 0.2,
                       "faults": [{"status": 503}, {"status": 500}, {"drop": "before"}, {"drop": "after"}]}]}}
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import random
import threading
from typing import Any, Awaitable, Callable, Dict, List, Optional

from .errors import ApiError
from .ratelimit import rate_limit_error

CONTROL_PATH = "/localhub/faults"
_FAULT_KEYS = {"status", "retryAfterMs", "message", "delay", "drop"}


def _check_fault(fault: Any, where: str) -> Optional[dict]:
    if fault is None or fault == "pass":
        return None
    if not isinstance(fault, dict) or not fault or set(fault) - _FAULT_KEYS:
        raise ValueError(f"{where}: a fault is 'pass', null, or an object with keys from {sorted(_FAULT_KEYS)}")
    if "status" in fault and not (isinstance(fault["status"], int) and 400 <= fault["status"] <= 599):
        raise ValueError(f"{where}: 'status' must be an HTTP error status (429, 500, 502, 503, 504, ...)")
    if "drop" in fault and fault["drop"] not in ("before", "after"):
        raise ValueError(f"{where}: 'drop' must be 'before' or 'after'")
    if "delay" in fault and not (isinstance(fault["delay"], (int, float)) and 0 <= fault["delay"] <= 300):
        raise ValueError(f"{where}: 'delay' must be seconds between 0 and 300")
    return dict(fault)


class FaultInjector:
    """Picks the fault (if any) for each request and applies it."""

    def __init__(self, config: Optional[dict] = None) -> None:
        self._lock = threading.Lock()
        self.fired: List[Dict[str, Any]] = []
        self.configure(config or {"rules": []})

    def configure(self, config: dict) -> None:
        """Replace the rules (validated; raises ValueError with the offending rule)."""
        rules = config.get("rules", [])
        if not isinstance(rules, list):
            raise ValueError("fault injection: 'rules' must be a list")
        parsed = []
        for i, rule in enumerate(rules):
            where = f"fault injection rule {i}"
            if not isinstance(rule, dict) or not isinstance(rule.get("path", "*"), str):
                raise ValueError(f"{where}: must be an object with a 'path' glob")
            entry = {
                "method": (rule.get("method") or "*").upper(),
                "path": rule.get("path", "*"),
                "sequence": None,
                "probability": None,
                "fault": None,
                "times": rule.get("times"),
            }
            if "sequence" in rule:
                if not isinstance(rule["sequence"], list):
                    raise ValueError(f"{where}: 'sequence' must be a list of faults")
                entry["sequence"] = [_check_fault(f, f"{where} sequence[{j}]") for j, f in enumerate(rule["sequence"])]
            elif "probability" in rule:
                p = rule["probability"]
                if not isinstance(p, (int, float)) or not 0 <= p <= 1:
                    raise ValueError(f"{where}: 'probability' must be between 0 and 1")
                entry["probability"] = float(p)
                if "faults" in rule:
                    if not isinstance(rule["faults"], list) or not rule["faults"]:
                        raise ValueError(f"{where}: 'faults' must be a non-empty list of faults")
                    entry["fault"] = [_check_fault(f, f"{where} faults[{j}]") for j, f in enumerate(rule["faults"])]
                else:
                    entry["fault"] = _check_fault(rule.get("fault"), f"{where} fault")
            else:
                raise ValueError(f"{where}: needs 'sequence' or 'probability' + 'fault'")
            parsed.append(entry)
        with self._lock:
            self._config = json.loads(json.dumps(config))
            self._rules = parsed
            self._random = random.Random(config.get("seed"))  # noqa: S311 - test faults, not crypto
            self.fired = []

    def state(self) -> Dict[str, Any]:
        """The configuration and the faults fired so far (``method``, ``path``, ``fault``)."""
        with self._lock:
            return {"config": self._config, "fired": list(self.fired)}

    def pick(self, method: str, path: str) -> Optional[dict]:
        """The fault for this request, or None."""
        with self._lock:
            for rule in self._rules:
                if rule["method"] not in ("*", method) or not fnmatch.fnmatchcase(path, rule["path"]):
                    continue
                if rule["sequence"] is not None:
                    if not rule["sequence"]:
                        continue
                    fault = rule["sequence"].pop(0)
                else:
                    if rule["times"] is not None and rule["times"] <= 0:
                        continue
                    if self._random.random() >= rule["probability"]:
                        return None
                    fault = rule["fault"]
                    if isinstance(fault, list):
                        fault = self._random.choice(fault)
                    if rule["times"] is not None:
                        rule["times"] -= 1
                if fault is not None:
                    self.fired.append({"method": method, "path": path, "fault": fault})
                    del self.fired[:-1000]
                return fault
        return None

    async def apply(
        self,
        fault: dict,
        app: Callable[[dict, Callable, Callable], Awaitable[None]],
        scope: dict,
        receive: Callable,
        send: Callable,
    ) -> None:
        """Run the request under ``fault``."""
        if fault.get("delay"):
            await asyncio.sleep(float(fault["delay"]))
        if fault.get("drop") == "before":
            drop_connection(send)
            return
        if fault.get("drop") == "after":

            async def swallow(message: dict) -> None:
                return None

            await app(scope, receive, swallow)
            drop_connection(send)
            return
        if "status" in fault:
            status = int(fault["status"])
            if status == 429:
                error = rate_limit_error(int(fault.get("retryAfterMs", 1000)))
            else:
                error = ApiError(status, "COMMON_EXCEPTION", fault.get("message") or "Service temporarily unavailable.")
            await error.to_response()(scope, receive, send)
            return
        await app(scope, receive, send)


def drop_connection(send: Callable) -> None:
    """Close the client connection at once, sending nothing (uvicorn: abort the transport of this request)."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise ConnectionAbortedError("fault injection: connection dropped")
    cycle.disconnected = True
    transport.abort()
