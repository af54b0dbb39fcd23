"""Runtime settings of a localhub instance (filled from the command line by ``python -m localhub``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, List, Optional, Tuple

DEMO_CLIENT_ID = "localhub-demo"
DEMO_CLIENT_SECRET = "localhub-demo-secret"  # noqa: S105 - public demo credential, printed on start on purpose
DEMO_S3_ACCESS_KEY = "localhub"
DEMO_S3_SECRET_KEY = "localhub-secret"  # noqa: S105 - key of localhub's own throw-away moto server
DEFAULT_MAX_BODY_BYTES = 16 << 20


@dataclass(frozen=True)
class AccountSpec:
    """An OAuth client of one account. ``account_id`` is derived from ``client_id`` when not given."""

    client_id: str
    client_secret: str = field(repr=False)
    account_id: Optional[str] = None

    def __repr__(self) -> str:  # never show the secret
        return f"AccountSpec(client_id={self.client_id!r})"


@dataclass
class Settings:
    """Everything a localhub app needs to know. Defaults are what ``python -m localhub`` uses."""

    host: str = "127.0.0.1"
    port: int = 0
    data_dir: Optional[Path] = None
    # S3: an external endpoint ("host:port") or None when localhub starts its own moto server.
    s3_endpoint: Optional[str] = None
    s3_access_key: str = field(default=DEMO_S3_ACCESS_KEY, repr=False)
    s3_secret_key: str = field(default=DEMO_S3_SECRET_KEY, repr=False)
    s3_region: str = "us-east-1"
    s3_https: bool = False
    s3_virtual_hosting: bool = False
    accounts: List[AccountSpec] = field(default_factory=list)
    token_expires_in: int = 3600
    issuer: str = ""  # filled from the base URL when empty
    # (requests, seconds) per account, or None for no limit
    rate_limit: Optional[Tuple[int, float]] = None
    # fault injection configuration (dict as in a --fault-injection file) or None = off
    fault_injection: Optional[dict] = None
    ingestion_workers: int = 2
    # how long a tile stays in WAITING, QUEUED and INGESTING at least (seconds)
    state_delay: float = 0.5
    # delay before collection metadata (extent, sensing times, ...) is recomputed after tile changes (seconds)
    metadata_delay: float = 0.5
    # Process API: render worker processes (None = one per core), JS time per request (None = the
    # LOCALHUB_PROCESS_TIME_LIMIT environment variable or 30 s), extra wall-clock time before a busy worker is
    # killed, and test-only faults and the workers route (see localhub.process.worker)
    process_workers: Optional[int] = None
    process_time_limit: Optional[float] = None
    process_deadline_grace: float = 60.0
    process_test_hooks: bool = False
    # largest request body accepted (bytes); larger ones get 413
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    # listen on a non-loopback address although the service (demo account) or its S3 server is open to anyone
    allow_remote: bool = False

    def __repr__(self) -> str:
        return (
            f"Settings(host={self.host!r}, port={self.port}, data_dir={str(self.data_dir)!r}, "
            f"s3_endpoint={self.s3_endpoint!r}, accounts={self.accounts!r})"
        )


def parse_rate_limit(text: str) -> Tuple[int, float]:
    """Parse ``N/SECONDS`` (e.g. ``10/1`` or ``100/60``) into ``(requests, seconds)``."""
    try:
        count_text, _, window_text = text.partition("/")
        count = int(count_text)
        window = float(window_text or "1")
    except ValueError:
        raise ValueError(f"--rate-limit {text!r}: expected N/SECONDS, e.g. 10/1 (10 requests per second)") from None
    if count < 1 or window <= 0:
        raise ValueError(f"--rate-limit {text!r}: N must be >= 1 and SECONDS > 0")
    return count, window


def parse_account(text: str) -> AccountSpec:
    """Parse ``CLIENT_ID:SECRET`` into an :class:`AccountSpec`."""
    client_id, sep, secret = text.partition(":")
    if not sep or not client_id or not secret:
        raise ValueError("--account: expected CLIENT_ID:SECRET (both non-empty)")
    return AccountSpec(client_id=client_id, client_secret=secret)


def load_accounts_file(path: Path) -> List[AccountSpec]:
    """Read accounts from a JSON file: ``[{"clientId": ..., "clientSecret": ..., "accountId"?: ...}, ...]``."""
    try:
        items: Any = json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise ValueError(
            f"--accounts-file {path}: cannot read a JSON list of accounts ({exc.__class__.__name__})"
        ) from None
    if not isinstance(items, list):
        raise ValueError(f"--accounts-file {path}: the top level must be a JSON list of accounts")
    accounts = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("clientId") or not item.get("clientSecret"):
            raise ValueError(f"--accounts-file {path}: entry {i} needs non-empty 'clientId' and 'clientSecret'")
        accounts.append(
            AccountSpec(
                client_id=str(item["clientId"]),
                client_secret=str(item["clientSecret"]),
                account_id=item.get("accountId"),
            )
        )
    return accounts


def load_fault_file(path: Path) -> dict:
    """Read a fault-injection configuration (JSON, see :mod:`localhub.faults`)."""
    try:
        config = json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise ValueError(f"--fault-injection {path}: cannot read JSON ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(config, dict):
        raise ValueError(f"--fault-injection {path}: the top level must be a JSON object with a 'rules' list")
    return config


def parse_size(text: str) -> int:
    """Parse a byte count with an optional K/M/G suffix (powers of 1024), e.g. ``16M``."""
    value = text.strip().upper().removesuffix("B")
    factor = 1
    if value[-1:] in ("K", "M", "G"):
        factor = 1 << {"K": 10, "M": 20, "G": 30}[value[-1]]
        value = value[:-1]
    try:
        size = int(float(value) * factor)
    except ValueError:
        raise ValueError(
            f"--max-body-size {text!r}: expected bytes with an optional K, M or G suffix, e.g. 16M"
        ) from None
    if size < 1024:
        raise ValueError(f"--max-body-size {text!r}: must be at least 1K")
    return size
