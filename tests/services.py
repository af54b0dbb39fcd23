"""Helpers to run real local services (HTTP servers, S3, localhub) on free loopback ports in tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

import requests

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 30.0, proc: Optional[subprocess.Popen] = None) -> None:
    """Poll ``url`` until it answers (any status), the process dies or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    last_error: Optional[Exception] = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"service exited with code {proc.returncode} before answering {url}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException as exc:
            last_error = exc
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s: {last_error}")


class BackgroundProcess:
    """A subprocess started for a test and always stopped (SIGTERM, then SIGKILL) on ``stop()``."""

    def __init__(self, args: Sequence[str], log_path: Path, env: Optional[dict] = None, cwd: Path = REPO):
        self.args = list(args)
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.proc = subprocess.Popen(self.args, stdout=self._log, stderr=subprocess.STDOUT, env=full_env, cwd=str(cwd))

    def stop(self, timeout: float = 10.0) -> int:
        """Stop the process and return its exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        return self.proc.returncode

    def log_text(self) -> str:
        """What the process printed so far."""
        self._log.flush()
        return self.log_path.read_text(errors="replace")


def python_module(module: str, *args: str) -> list:
    """Command line running ``python -m module args`` with the test interpreter."""
    return [sys.executable, "-m", module, *args]
