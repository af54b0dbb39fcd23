"""Shared helpers of the tests/test_processing_*.py modules (no tests here).

Registers the ``byoc`` provider in the pytest-qgis application, runs algorithms with ``processing.run``, stores
localhub credentials in the QGIS auth manager (a master password is set for the test session) and runs
``qgis_process`` with such an auth database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Tuple

from .qgis_helpers import QGIS_PROCESS, make_profile, qgis_process_env

MASTER_PASSWORD = "test-master-password"  # noqa: S105 - the test auth DB's master password (shared with test_client_qgis)


_REGISTERED: list = []  # providers added by register_provider (kept referenced: Python would delete them)


def register_provider():
    """Register the ``byoc`` provider (once) and return it; it is removed again when the test module ends
    (:func:`release_providers`, from the autouse fixture in conftest.py)."""
    from qgis.core import QgsApplication

    from byoc_qgis.processing.provider import ByocProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("byoc")
    if existing is not None:
        return existing
    provider = ByocProvider()
    assert registry.addProvider(provider)
    _REGISTERED.append(provider)
    return provider


def release_providers() -> None:
    """Remove the ``byoc`` provider :func:`register_provider` added, if it is still registered (a provider the
    plugin registered itself is left alone), so the next module starts without it whatever the module order."""
    if not _REGISTERED:
        return
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    current = registry.providerById("byoc")
    if current is not None and any(current is p for p in _REGISTERED):
        registry.removeProvider(current)
    _REGISTERED.clear()


def run_alg(alg_id: str, params: Dict[str, Any], feedback=None, context=None) -> Tuple[dict, Any]:
    """``processing.run`` and the OUTPUT layer (if any) as a layer object."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    feedback = feedback or QgsProcessingFeedback()
    res = processing.run(alg_id, params, feedback=feedback, context=context)
    out = res.get("OUTPUT")
    layer = out
    if isinstance(out, str) and out:
        layer = context.getMapLayer(out) or QgsVectorLayer(out, "out", "ogr")
        if not layer.isValid():
            layer = None
    return res, layer


def set_master_password() -> None:
    """Unlock (or initialise) the auth database of the running QGIS with the test master password."""
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True), "could not set the QGIS master password"


def store_basic_authcfg(username: str, password: str, name: str = "byoc-test", cfg_id: Optional[str] = None) -> str:
    """Store a Basic auth configuration in the running QGIS and return its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    set_master_password()
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setName(name)
    cfg.setConfig("username", username)
    cfg.setConfig("password", password)
    if cfg_id:
        cfg.setId(cfg_id)
    ok = QgsApplication.authManager().storeAuthenticationConfig(cfg)
    ok = ok[0] if isinstance(ok, tuple) else ok
    assert ok, "could not store the auth configuration"
    return cfg.id()


def connection_params(hub, authcfg: str) -> Dict[str, Any]:
    """AUTHCFG/DEPLOYMENT/BASE_URL/TOKEN_URL for a localhub instance."""
    return {"AUTHCFG": authcfg, "DEPLOYMENT": 3, "BASE_URL": hub.base_url, "TOKEN_URL": hub.token_url}


def s3_params(s3, authcfg: str) -> Dict[str, Any]:
    """The S3 parameters for the test S3 server."""
    return {
        "S3_AUTHCFG": authcfg,
        "S3_ENDPOINT": s3.endpoint,
        "S3_REGION": s3.region,
        "S3_HTTPS": False,
        "S3_PATH_STYLE": True,
    }


# -- qgis_process with an auth database ---------------------------------------------------------------------------
_AUTH_SCRIPT = r"""
import sys
from qgis.core import QgsApplication, QgsAuthMethodConfig
app = QgsApplication([], False)
app.initQgis()
manager = QgsApplication.authManager()
if not manager.masterPasswordIsSet():
    manager.setMasterPassword(sys.argv[1], True)
for spec in sys.argv[2:]:
    cfg_id, user, password = spec.split("\t")
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setId(cfg_id)
    cfg.setName(cfg_id)
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    ok = manager.storeAuthenticationConfig(cfg)
    print("stored", cfg_id, ok[0] if isinstance(ok, tuple) else ok)
app.exitQgis()
"""


class QgisProcessHome:
    """A fresh HOME with a QGIS profile (byoc_qgis enabled) and an auth database holding Basic configs."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.profile = make_profile(self.home)
        self.auth_dir = root / "auth"
        self.auth_dir.mkdir(parents=True, exist_ok=True)
        self.password_file = root / "master-password"
        self.password_file.write_text(MASTER_PASSWORD)

    def env(self) -> dict:
        env = qgis_process_env(self.home)
        env.update(QGIS_AUTH_DB_DIR_PATH=str(self.auth_dir), QGIS_AUTH_PASSWORD_FILE=str(self.password_file))
        env.setdefault("XDG_RUNTIME_DIR", str(self.home))
        return env

    def add_authcfgs(self, configs: Sequence[Tuple[str, str, str]]) -> None:
        """Store ``(id, username, password)`` Basic configs (ids: 7 characters, letters and digits)."""
        script = self.home.parent / "make_auth.py"
        script.write_text(_AUTH_SCRIPT)
        python = shutil.which("python3", path="/usr/bin") or "/usr/bin/python3"
        args = [python, str(script), MASTER_PASSWORD] + ["\t".join(c) for c in configs]
        out = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-3000:]
        assert out.stdout.count(" True") == len(configs), out.stdout + out.stderr[-3000:]

    def run(self, alg_id: str, params: Dict[str, Any], timeout: float = 600):
        """``qgis_process --json run alg -- KEY=value ...`` (the form 3.22 and 3.40 both accept); returns
        (CompletedProcess, parsed JSON or None)."""
        args = [QGIS_PROCESS, "--json", "run", alg_id, "--"]
        for key, value in params.items():
            for v in value if isinstance(value, (list, tuple)) else [value]:
                args.append(f"{key}={_cli_value(v)}")
        proc = subprocess.run(args, env=self.env(), capture_output=True, text=True, timeout=timeout)
        data = None
        if proc.returncode == 0:
            data = json.loads(proc.stdout)
        return proc, data


def _cli_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def lane_name() -> str:
    return os.environ.get("BYOC_LANE", "host")
