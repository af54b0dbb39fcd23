"""Reliability R3, secrets (issue 11 §7): after fault runs, bad-input runs and a GUI session, no client secret, S3
secret or bearer token appears in QGIS's settings, logs, Processing outputs, project files or layer sources.

The pieces, shared by ``tests/test_reliability_secrets.py`` and ``scripts/reliability.py``:

* :class:`Evidence` collects every place to look: texts (captured logs, feedback, qgis_process output, localhub's
  log, message bar) and files or folders (the QGIS profile with QGIS3.ini, outputs, .qgs/.qgz projects; a .qgz is
  looked into).
* :class:`TokenTap` is a loopback relay in front of localhub's token endpoint: the plugin is given its URL as token
  URL, so every token issued to the plugin during the run is known (qgis_process children included).
* :class:`LogCapture` records QgsMessageLog and Python logging (DEBUG) while the run goes on.
* :func:`scan` looks for the literal secrets (raw, URL-encoded, in a Basic header, UTF-16), the tokens the tap saw
  (whole or their signature alone) and anything shaped like a JWT or a piece of one (``eyJ…`` decoding to a JWT
  header or claims: catches tokens the tap never saw, also truncated ones).
* :func:`run_gui_session` drives the dock as a user would: a connection, Show tiles, a Process request, project saved.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import secrets as _secrets
import threading
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import quote_plus

import requests

JWT_PIECE = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}(?:\.eyJ[A-Za-z0-9_-]{8,})?")  # a header and/or claims (one match)
JWT_KEYS = (b'"alg"', b'"typ"', b'"kid"', b'"azp"', b'"jti"', b'"exp"', b'"iat"', b'"iss"', b'"sub"')
LOCALHUB_S3_BANNER = "localhub: S3 endpoint "  # localhub prints the keys of its own S3 server there, on purpose


# ----------------------------------------------------------------------------------------------- the credentials
@dataclass(frozen=True)
class RunSecrets:
    """Fresh credentials for one run, so anything found can only come from this run."""

    client_id: str
    client_secret: str = field(repr=False)
    s3_access_key: str
    s3_secret_key: str = field(repr=False)
    wrong_client_secret: str = field(repr=False)  # what R2's "wrong client secret" case types in

    @classmethod
    def fresh(cls, prefix: str = "r3") -> RunSecrets:
        tag = _secrets.token_hex(3)
        return cls(
            client_id=f"{prefix}-client-{tag}",
            client_secret=f"{prefix}-client-secret-{_secrets.token_hex(12)}",
            s3_access_key=f"{prefix.upper()}AK{_secrets.token_hex(6).upper()}",
            s3_secret_key=f"{prefix}-s3-secret-{_secrets.token_hex(12)}",
            wrong_client_secret=f"{prefix}-wrong-secret-{_secrets.token_hex(12)}",
        )

    def localhub_args(self) -> List[str]:
        """localhub options adding this account and keys for its own S3 server."""
        return [
            "--account", f"{self.client_id}:{self.client_secret}",
            "--s3-access-key", self.s3_access_key,
            "--s3-secret-key", self.s3_secret_key,
        ]  # fmt: skip

    def labelled(self) -> Dict[str, str]:
        """label → secret value, as the scan reports them."""
        return {
            "client secret": self.client_secret,
            "S3 secret key": self.s3_secret_key,
            "wrong client secret (R2 case)": self.wrong_client_secret,
        }


def with_account(hub, run: RunSecrets):
    """``hub`` (a :class:`tests.fixtures_localhub.Localhub` started with ``run.localhub_args()`` and its own S3)
    seen through ``run``'s account: ``client_id``/``client_secret``, ``token()`` and ``session()`` use it."""
    import dataclasses

    assert hub.s3.secret_key == run.s3_secret_key, "localhub was not started with the run's S3 keys"
    return dataclasses.replace(hub, client_id=run.client_id, client_secret=run.client_secret)


# --------------------------------------------------------------------------------------------------- the token tap
class TokenTap:
    """A loopback relay for localhub's token endpoint that remembers every access token it hands out.

    Give the plugin ``tap.token_url`` as token URL; requests and answers pass unchanged.
    """

    def __init__(self, upstream_token_url: str) -> None:
        self.upstream = upstream_token_url
        self.tokens: List[str] = []
        self.requests = 0
        self._lock = threading.Lock()
        tap = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "authorization")}
                try:
                    answer = requests.post(tap.upstream, data=body, headers=headers, timeout=60)
                except requests.RequestException:
                    self.send_error(502)
                    return
                tap._record(answer)
                self.send_response(answer.status_code)
                for name in ("Content-Type", "Cache-Control", "Pragma", "Retry-After"):
                    if name in answer.headers:
                        self.send_header(name, answer.headers[name])
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, *args) -> None:  # quiet
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="token-tap", daemon=True)
        self._thread.start()

    def _record(self, answer: requests.Response) -> None:
        with self._lock:
            self.requests += 1
            try:
                token = answer.json().get("access_token")
            except ValueError:
                token = None
            if token:
                self.tokens.append(token)

    @property
    def token_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/auth/realms/main/protocol/openid-connect/token"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> TokenTap:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def plugin_tokens() -> List[str]:
    """The tokens in the plugin's in-process token cache right now."""
    from byoc_qgis.core import auth

    with auth._CACHE_LOCK:
        return [t.value() for t in auth._CACHE.values()]


# ------------------------------------------------------------------------------------------------- what to look at
class Evidence:
    """Places a run wrote to: named texts and named files/folders (folders recursively)."""

    def __init__(self) -> None:
        self.texts: List[Tuple[str, str]] = []
        self.paths: List[Tuple[str, Path]] = []

    def text(self, where: str, text: Optional[str]) -> None:
        self.texts.append((where, text or ""))

    def path(self, where: str, path) -> None:
        self.paths.append((where, Path(path)))

    def localhub_log(self, hub) -> None:
        """localhub's log, without the startup line that hands out its own S3 server's keys (by design, see
        ``localhub --help``); every other line counts."""
        lines = [line for line in hub.log_text().splitlines() if not line.startswith(LOCALHUB_S3_BANNER)]
        self.text("localhub log", "\n".join(lines))

    def qgis_profile(self) -> None:
        """The running QGIS's settings (synced to QGIS3.ini first) and its whole profile folder."""
        from qgis.core import QgsApplication, QgsSettings

        settings = QgsSettings()
        settings.sync()
        self.text("QgsSettings", "\n".join(f"{k}={settings.value(k)}" for k in settings.allKeys()))
        profile = Path(QgsApplication.qgisSettingsDirPath()).resolve()
        ini = Path(settings.fileName()).resolve()
        if profile not in ini.parents:
            self.path("QGIS settings file", ini)
        self.path("QGIS profile", profile)

    def project_layers(self) -> int:
        """Every map layer's source, provider URI and name in the current project; returns how many."""
        from qgis.core import QgsProject

        layers = list(QgsProject.instance().mapLayers().values())
        for layer in layers:
            provider = layer.dataProvider()
            uri = provider.dataSourceUri() if provider is not None else ""
            self.text(f"layer source: {layer.name()}", "\n".join((layer.source(), layer.publicSource(), uri)))
        return len(layers)

    def message_bar(self, iface) -> None:
        """What pytest-qgis's message bar stand-in recorded (every level)."""
        from qgis.core import Qgis

        bar = iface.messageBar()
        if not hasattr(bar, "get_messages"):
            return
        texts = []
        for level in ("Info", "Warning", "Critical", "Success"):
            texts += [str(m) for m in bar.get_messages(getattr(Qgis.MessageLevel, level))]
        self.text("message bar", "\n".join(texts))


class LogCapture:
    """Records QgsMessageLog messages (every tag) and Python log records (DEBUG and up) while active."""

    def __init__(self) -> None:
        self.lines: List[str] = []
        self._lock = threading.Lock()
        self._handler = _ListHandler(self)
        self._connected = False
        self._levels: Dict[str, int] = {}

    def _add(self, line: str) -> None:
        with self._lock:
            self.lines.append(line)

    def _qgis(self, message, tag, _level) -> None:
        self._add(f"[QgsMessageLog {tag}] {message}")

    def __enter__(self) -> LogCapture:
        from qgis.core import QgsApplication

        QgsApplication.messageLog().messageReceived.connect(self._qgis)
        self._connected = True
        root = logging.getLogger()
        root.addHandler(self._handler)
        for name in ("", "byoc_qgis"):
            logger = logging.getLogger(name)
            self._levels[name] = logger.level
            logger.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc) -> None:
        from qgis.core import QgsApplication

        if self._connected:
            QgsApplication.messageLog().messageReceived.disconnect(self._qgis)
            self._connected = False
        logging.getLogger().removeHandler(self._handler)
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)

    def text(self) -> str:
        with self._lock:
            return "\n".join(self.lines)


class _ListHandler(logging.Handler):
    def __init__(self, capture: LogCapture) -> None:
        super().__init__(logging.DEBUG)
        self.capture = capture

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.capture._add(f"[python {record.name}] {self.format(record)}")
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)


class RecordingFeedback:
    """A ``QgsProcessingFeedback`` that keeps every line pushed to it (created lazily: needs QGIS)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self) -> None:
                super().__init__()
                self.lines: List[str] = []

            def pushInfo(self, info: str) -> None:  # noqa: N802
                self.lines.append(info)
                super().pushInfo(info)

            def pushWarning(self, warning: str) -> None:  # noqa: N802
                self.lines.append(warning)
                super().pushWarning(warning)

            def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
                self.lines.append(error)
                super().reportError(error, fatalError)

            def pushCommandInfo(self, info: str) -> None:  # noqa: N802
                self.lines.append(info)
                super().pushCommandInfo(info)

            def pushDebugInfo(self, info: str) -> None:  # noqa: N802
                self.lines.append(info)
                super().pushDebugInfo(info)

            def pushConsoleInfo(self, info: str) -> None:  # noqa: N802
                self.lines.append(info)
                super().pushConsoleInfo(info)

            def text(self) -> str:
                return "\n".join(self.lines) + "\n" + self.textLog()

        return _Feedback()


# ------------------------------------------------------------------------------------------------------- the scan
@dataclass
class Finding:
    where: str  # the place (and file) it was found in
    what: str  # which secret, or "bearer token ..."
    count: int


@dataclass
class SecretScan:
    """Result of :func:`scan`."""

    findings: List[Finding]
    texts: int  # texts looked at
    files: int  # files looked at (inside folders and .qgz archives included)
    megabytes: float
    tokens_known: int  # distinct tokens the tap / plugin cache saw issued during the run
    secrets: List[str]  # labels of the secrets looked for
    places: List[str] = field(default_factory=list)  # the named places

    @property
    def occurrences(self) -> int:
        return sum(f.count for f in self.findings)

    def ok(self) -> bool:
        return self.occurrences == 0 and self.tokens_known > 0 and self.files > 0 and self.texts > 0

    def figures(self) -> str:
        found = "; ".join(f"{f.what} in {f.where} ×{f.count}" for f in self.findings[:4])
        kinds: Dict[str, int] = {}
        for place in self.places:  # "qgis_process output (case)" x 15 → "qgis_process output ×15"
            kind = place.split(" (", 1)[0].split(": ", 1)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
        places = ", ".join(k if n == 1 else f"{k} ×{n}" for k, n in kinds.items())
        return (
            f"secret occurrences found: {self.occurrences}{' (' + found + ')' if found else ''}; looked for "
            f"{len(self.secrets)} secrets + {self.tokens_known} tokens issued during the run + any JWT piece in "
            f"{self.texts} texts and {self.files} files ({self.megabytes:.1f} MB): {places}"
        )


def _needles(labelled: Dict[str, str], client_id: str) -> List[Tuple[str, bytes]]:
    out: List[Tuple[str, bytes]] = []
    for label, value in labelled.items():
        forms = {value, quote_plus(value), base64.b64encode(f"{client_id}:{value}".encode()).decode()}
        for form in sorted(forms):
            out.append((label, form.encode()))
            out.append((label, form.encode("utf-16-le")))
    return out


def _token_needles(tokens: Iterable[str]) -> List[Tuple[str, bytes]]:
    out = []
    for token in dict.fromkeys(tokens):
        out.append(("bearer token issued during the run", token.encode()))
        signature = token.rsplit(".", 1)[-1]
        if len(signature) >= 40:
            out.append(("bearer token issued during the run (its signature)", signature.encode()))
    return out


def _b64url(piece: bytes) -> bytes:
    piece = piece[: len(piece) // 4 * 4]
    try:
        return base64.urlsafe_b64decode(piece)
    except (binascii.Error, ValueError):
        return b""


def jwt_pieces(data: bytes) -> int:
    """How many ``eyJ…`` runs in ``data`` decode to the start of a JWT header or claims."""
    count = 0
    for m in JWT_PIECE.finditer(data):
        decoded = _b64url(m.group(0).split(b".", 1)[0])
        if decoded.startswith(b'{"') and any(k in decoded for k in JWT_KEYS):
            count += 1
    return count


def _blobs(where: str, path: Path) -> Iterable[Tuple[str, bytes]]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
    for f in files:
        try:
            data = f.read_bytes()
        except OSError:
            continue
        yield f"{where}: {f.name}", data
        if zipfile.is_zipfile(f):  # .qgz projects (and any other zip a run wrote)
            with zipfile.ZipFile(f) as archive:
                for name in archive.namelist():
                    yield f"{where}: {f.name}/{name}", archive.read(name)


def scan(evidence: Evidence, labelled: Dict[str, str], client_id: str, tokens: Sequence[str] = ()) -> SecretScan:
    """Look for every secret of ``labelled`` (label → value), every token of ``tokens`` and any JWT piece in all
    of ``evidence``."""
    needles = _needles(labelled, client_id) + _token_needles(tokens)
    counts: Dict[Tuple[str, str], int] = {}
    n_texts = n_files = size = 0

    def look(where: str, data: bytes) -> None:
        nonlocal size
        size += len(data)
        for label, needle in needles:
            hits = data.count(needle)
            if hits:
                counts[(where, label)] = counts.get((where, label), 0) + hits
        pieces = jwt_pieces(data)
        if pieces:
            key = (where, "bearer token (JWT-shaped text)")
            counts[key] = counts.get(key, 0) + pieces

    for where, text in evidence.texts:
        n_texts += 1
        look(where, text.encode("utf-8", "replace"))
    for where, path in evidence.paths:
        for name, data in _blobs(where, path):
            n_files += 1
            look(name, data)
    # one finding per place and kind: a token seen whole is not counted again for its signature or its JWT shape
    merged: Dict[Tuple[str, str], int] = {}
    for (where, label), n in counts.items():
        kind = "bearer token" if "token" in label else label
        merged[(where, kind)] = max(merged.get((where, kind), 0), n)
    places = list(dict.fromkeys([w for w, _ in evidence.texts] + [w for w, _ in evidence.paths]))
    return SecretScan(
        findings=[Finding(w, k, n) for (w, k), n in sorted(merged.items())],
        texts=n_texts,
        files=n_files,
        megabytes=size / 1e6,
        tokens_known=len(set(tokens)),
        secrets=list(labelled),
        places=places,
    )


# --------------------------------------------------------------------------------------------------- GUI session
def hub_via_tap(hub, tap: TokenTap) -> SimpleNamespace:
    """What :func:`tests.test_gui_support.store_connection` needs of ``hub``, with the tap as token URL."""
    return SimpleNamespace(
        base_url=hub.base_url,
        token_url=tap.token_url,
        client_id=hub.client_id,
        client_secret=hub.client_secret,
        s3=hub.s3,
    )


@dataclass
class GuiSession:
    tiles_shown: int
    process_size: Tuple[int, int]
    project_files: List[Path]
    layers: int


def run_gui_session(iface, conn, s3, root: Path, evidence: Evidence, timeout: float = 180.0) -> GuiSession:
    """A user's session in the dock: the connection ``conn`` selected, a collection with two ingested tiles,
    Show tiles, a Process request (GeoTIFF) from the Process dialog, the project saved as .qgs and .qgz.
    Adds the project files, the Process output, layer sources and the message bar to ``evidence``."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from byoc_qgis.core.ingestion import wait_for_tiles
    from byoc_qgis.core.models import Tile
    from byoc_qgis.gui.dock import ByocDock

    from .test_gui_support import ensure_provider, new_collection, upload_tiles
    from .watchdog import wait_until

    def wait(cond, what: str) -> None:
        if not wait_until(cond, timeout=timeout):
            raise TimeoutError(f"R3 GUI session: {what} did not finish in {timeout:.0f} s")

    root.mkdir(parents=True, exist_ok=True)
    ensure_provider()
    client = conn.client()
    dock = ByocDock(iface)
    dlg = None
    try:
        col = new_collection(client, s3)
        upload_tiles(s3, col["bucket"], root / "tiles", ["a", "b"])
        tiles = [
            client.byoc.create_tile(col["id"], Tile(f"{n}/(BAND).tif", sensing_time=f"2023-05-0{i + 1}T09:00:00Z"))
            for i, n in enumerate("ab")
        ]
        if not wait_for_tiles(client.byoc, col["id"], tiles, timeout=timeout, initial_delay=0.1).ok:
            raise RuntimeError("R3 GUI session: the tiles were not ingested")
        dock.reload_connections(conn.name)
        dock.refresh_collections(select=col["id"])
        wait(lambda: dock.selected_collection() is not None and dock.selected_collection().id == col["id"],
             "the collection list")  # fmt: skip
        ctl = dock.show_tiles(col["id"])
        wait(lambda: not ctl.loading, "Show tiles")
        tiles_shown = ctl.layer.featureCount()
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        canvas.setExtent(ctl.layer.extent())
        dlg = dock.open_process()
        dlg.res_mode.setCurrentIndex(dlg.res_mode.findData("pixels"))
        dlg.width_px.setValue(300)
        dlg.height_px.setValue(200)
        dlg.format.setCurrentIndex(dlg.format.findData("tif"))
        output = root / "gui-process.tif"
        dlg.output.setFilePath(str(output))
        run = dlg.start()
        wait(lambda: run.ok is not None, "the Process request")
        if not run.ok:
            raise RuntimeError(f"R3 GUI session: the Process request failed: {run.error_text()}")
        size = (dlg.result_layer.width(), dlg.result_layer.height())
        evidence.text("dock status", dock.status.text())
        projects = [root / "r3-project.qgs", root / "r3-project.qgz"]
        for path in projects:
            if not QgsProject.instance().write(str(path)):
                raise RuntimeError(f"R3 GUI session: could not save {path}")
            evidence.path("saved project", path)
        evidence.path("Process output", output)
        layers = evidence.project_layers()
        evidence.message_bar(iface)
        return GuiSession(tiles_shown=tiles_shown, process_size=size, project_files=projects, layers=layers)
    finally:
        if dlg is not None:
            dlg.close()
        dock.cleanup()
        dock.deleteLater()
        client.close()
