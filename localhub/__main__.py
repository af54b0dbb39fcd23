"""``python -m localhub``: start the service on 127.0.0.1 (and a moto S3 server unless an endpoint is given)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

from .process.limits import TIME_LIMIT_ENV
from .settings import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    Settings,
    load_accounts_file,
    load_fault_file,
    parse_account,
    parse_rate_limit,
    parse_size,
)


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="python -m localhub", description=__doc__)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port (default 0 = a free port, printed)")
    p.add_argument(
        "--data-dir",
        type=Path,
        help="where the SQLite database, signing key and (own S3 server only) S3 objects live (default: temp dir)",
    )
    p.add_argument(
        "--s3-endpoint",
        default=os.environ.get("LOCALHUB_S3_ENDPOINT"),
        help="host:port of an S3-compatible server (default: start a moto server)",
    )
    p.add_argument("--s3-access-key", default=os.environ.get("LOCALHUB_S3_ACCESS_KEY"))
    p.add_argument("--s3-secret-key", default=os.environ.get("LOCALHUB_S3_SECRET_KEY"))
    p.add_argument("--s3-region", default=os.environ.get("LOCALHUB_S3_REGION", "us-east-1"))
    p.add_argument("--s3-https", action="store_true", help="the S3 endpoint speaks https")
    p.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="CLIENT_ID:SECRET",
        help="an OAuth client (repeatable); default: a demo client",
    )
    p.add_argument("--accounts-file", type=Path, help='JSON list [{"clientId", "clientSecret", "accountId"?}]')
    p.add_argument("--token-expires-in", type=int, default=3600, help="access token lifetime in seconds")
    p.add_argument("--rate-limit", help="N/SECONDS requests per account, e.g. 10/1 (default: unlimited)")
    p.add_argument("--fault-injection", type=Path, help="JSON file of fault rules (see localhub.faults)")
    p.add_argument("--ingestion-workers", type=int, default=2, help="ingestion threads (0 = never ingest)")
    p.add_argument(
        "--state-delay",
        type=float,
        default=0.5,
        help="seconds a tile stays at least in WAITING, QUEUED and INGESTING (default 0.5)",
    )
    p.add_argument(
        "--metadata-delay",
        type=float,
        default=None,
        help="seconds before collection metadata is recomputed (default: --state-delay)",
    )
    p.add_argument(
        "--process-workers",
        type=int,
        default=None,
        help="processes rendering Process requests (default: one per core)",
    )
    p.add_argument(
        "--process-time-limit",
        type=float,
        default=None,
        help=f"JS seconds one Process request may use (default: ${TIME_LIMIT_ENV} or 30)",
    )
    p.add_argument(
        "--process-deadline-grace",
        type=float,
        default=60.0,
        help="seconds a render may take beyond its JS time limit before its worker is killed (default 60)",
    )
    p.add_argument("--process-test-hooks", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--max-body-size",
        default="16M",
        help="largest request body accepted, bytes with an optional K/M/G suffix (default 16M); larger ones get 413",
    )
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="listen on a non-loopback --host although localhub's own S3 server or the demo account is open to "
        "anyone who can reach it",
    )
    p.add_argument("--log-level", default="warning", help="uvicorn log level (default warning)")
    return p


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or a name) only ever means this machine."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0].split("%")[0]).is_loopback for info in infos)


def remote_refusal(settings: Settings, own_s3: bool) -> Optional[str]:
    """Why localhub refuses to listen on ``settings.host`` (None when it may): a non-loopback address would expose
    its own S3 server or the demo account, unless ``--allow-remote`` is given."""
    if settings.allow_remote or is_loopback(settings.host):
        return None
    exposed = []
    if own_s3:
        exposed.append(
            "its own S3 server (its keys are printed in this log, so anyone could read and overwrite the buckets)"
        )
    if not settings.accounts:
        exposed.append("the demo account (its secret is printed in this log)")
    if not exposed:
        return None
    return (
        f"refusing to listen on {settings.host}, which is not a loopback address, because that would open "
        + " and ".join(exposed)
        + " to anyone who can reach this machine; keep the default --host 127.0.0.1, or pass --allow-remote "
        "if that is what you want."
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings from parsed arguments (raises ValueError with a message naming the flag)."""
    accounts = [parse_account(a) for a in args.account]
    if args.accounts_file:
        accounts += load_accounts_file(args.accounts_file)
    settings = Settings(
        host=args.host,
        port=args.port,
        data_dir=args.data_dir,
        s3_endpoint=args.s3_endpoint,
        s3_region=args.s3_region,
        s3_https=args.s3_https,
        accounts=accounts,
        token_expires_in=args.token_expires_in,
        rate_limit=parse_rate_limit(args.rate_limit) if args.rate_limit else None,
        fault_injection=load_fault_file(args.fault_injection) if args.fault_injection else None,
        ingestion_workers=args.ingestion_workers,
        state_delay=args.state_delay,
        metadata_delay=args.state_delay if args.metadata_delay is None else args.metadata_delay,
        process_workers=args.process_workers,
        process_time_limit=args.process_time_limit,
        process_deadline_grace=args.process_deadline_grace,
        process_test_hooks=args.process_test_hooks,
        max_body_bytes=parse_size(args.max_body_size),
        allow_remote=args.allow_remote,
    )
    if settings.process_workers is not None and settings.process_workers < 1:
        raise ValueError("--process-workers must be at least 1")
    if settings.process_deadline_grace <= 0:
        raise ValueError("--process-deadline-grace must be more than 0 seconds")
    if args.s3_access_key:
        settings.s3_access_key = args.s3_access_key
    if args.s3_secret_key:
        settings.s3_secret_key = args.s3_secret_key
    if settings.token_expires_in < 1:
        raise ValueError("--token-expires-in must be at least 1 second")
    return settings


def _start_own_s3(settings: Settings):
    """Start localhub's own moto S3 server with its buckets and objects kept under ``<data-dir>/s3``."""
    from .own_s3 import OwnS3

    own = OwnS3(
        settings.host,
        Path(settings.data_dir) / "s3",
        settings.s3_access_key,
        settings.s3_secret_key,
        settings.s3_region,
        faults=settings.fault_injection,  # its "s3" rules apply to the own S3 server
    )
    try:
        buckets, objects, seconds = own.start()
    except BaseException:
        own.stop()
        raise
    print(
        f"localhub: S3 data kept in {own.root} (restored {buckets} bucket(s), {objects} object(s) in {seconds:.1f} s)",
        flush=True,
    )
    return own


def _stop_own_s3(own) -> None:
    try:
        own.stop()
    except Exception as exc:  # the S3 data saved with each write is still there
        print(f"localhub: final S3 save to {own.root} failed: {exc.__class__.__name__}: {exc}", file=sys.stderr)


def main(argv: Optional[List[str]] = None) -> int:
    """Run localhub until SIGTERM/SIGINT."""
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from_args(args)
    except ValueError as exc:
        print(f"localhub: {exc}", file=sys.stderr)
        return 2
    refusal = remote_refusal(settings, own_s3=not settings.s3_endpoint)
    if refusal:
        print(f"localhub: {refusal}", file=sys.stderr)
        return 2
    if settings.data_dir is None:
        settings.data_dir = Path(tempfile.mkdtemp(prefix="localhub-"))
    moto = None
    if not settings.s3_endpoint:
        try:
            Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
            moto = _start_own_s3(settings)
        except Exception as exc:
            print(f"localhub: cannot start its S3 server from {settings.data_dir}/s3: {exc}", file=sys.stderr)
            return 2
        settings.s3_endpoint = moto.endpoint
    try:
        sock = _listen(settings.host, settings.port)
    except OSError as exc:
        print(f"localhub: cannot listen on {settings.host}:{settings.port}: {exc.strerror}", file=sys.stderr)
        if moto is not None:
            _stop_own_s3(moto)
        return 2
    settings.port = sock.getsockname()[1]
    try:
        _serve(settings, sock, args.log_level, lambda: _announce(settings, moto))
    finally:
        if moto is not None:
            _stop_own_s3(moto)
        print("localhub: stopped", flush=True)
    return 0


def _listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (port 0: any free port); OSError when it cannot be bound."""
    # proto IPPROTO_TCP (not 0): asyncio then sets TCP_NODELAY on accepted connections; without it every
    # keep-alive response waits ~40 ms for the client's delayed ACK (Nagle)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


def _announce(settings: Settings, moto) -> None:
    """Print the URLs, S3 endpoint, data dir and credentials once the server listens (tests and demos read them)."""
    base = f"http://{settings.host}:{settings.port}"
    print(f"localhub: base URL {base}", flush=True)
    print(
        f"localhub: token URL {base}/auth/realms/main/protocol/openid-connect/token (legacy: {base}/oauth/token)",
        flush=True,
    )
    if moto is not None:
        print(
            f"localhub: S3 endpoint {settings.s3_endpoint} (moto, started by localhub; access key "
            f"{settings.s3_access_key}, secret key {settings.s3_secret_key}; buckets and objects kept in "
            f"{moto.root})",
            flush=True,
        )
    else:
        print(f"localhub: S3 endpoint {settings.s3_endpoint} (external)", flush=True)
    print(f"localhub: data dir {settings.data_dir}", flush=True)
    if settings.accounts:
        ids = ", ".join(a.client_id for a in settings.accounts)
        print(f"localhub: accounts (client ids) {ids}; secrets as configured", flush=True)
    else:
        print(f"localhub: demo credentials client id {DEMO_CLIENT_ID}, client secret {DEMO_CLIENT_SECRET}", flush=True)
    print(f"localhub: OpenAPI {base}/openapi.json", flush=True)


def _serve(settings: Settings, sock: socket.socket, log_level: str, announce) -> None:
    """Run the app with uvicorn on ``sock`` until SIGINT/SIGTERM; ``announce()`` once it has started."""
    import uvicorn

    from .app import create_app

    app = create_app(settings)

    class _Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:  # type: ignore[override]
            await super().startup(sockets=sockets)
            if self.started:
                announce()

    config = uvicorn.Config(
        app,
        log_level=log_level,
        http="h11",
        proxy_headers=False,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    server = _Server(config)
    # uvicorn re-raises the signal it shut down for; with these handlers that is a no-op, so we exit 0
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    server.run(sockets=[sock])


if __name__ == "__main__":
    sys.exit(main())
