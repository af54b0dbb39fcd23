"""Builds the localhub ASGI app: OAuth, BYOC API, optional Process API, ingestion engine, limits and faults."""

from __future__ import annotations

import logging
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from . import __version__, auth, body_limit, byoc_api, openapi_doc
from .errors import ApiError, error_response
from .faults import CONTROL_PATH, FaultInjector
from .ingestion import IngestionEngine
from .ratelimit import RateLimiter
from .s3 import S3Access
from .settings import DEFAULT_MAX_BODY_BYTES, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Settings
from .store import Store

log = logging.getLogger("localhub")


class LocalhubApp(FastAPI):
    """FastAPI with the fault injector as the outermost layer (it needs the server's own ``send``), then the
    request body size limit."""

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await super().__call__(scope, receive, send)
            return
        faults = getattr(self.state, "faults", None)
        if faults is not None and not scope.get("path", "").startswith("/localhub/"):
            fault = faults.pick(scope.get("method", "GET"), scope.get("path", ""))
            if fault is not None:
                await faults.apply(fault, self._limited, scope, receive, send)
                return
        await self._limited(scope, receive, send)

    async def _limited(self, scope: dict, receive: Any, send: Any) -> None:
        settings = getattr(self.state, "settings", None)
        limit = getattr(settings, "max_body_bytes", None) or DEFAULT_MAX_BODY_BYTES
        await body_limit.guard(super().__call__, scope, receive, send, limit)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return exc.to_response()

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())), "violation": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{e['parameter']}: {e['violation']}" for e in errors) or "Invalid request."
        return error_response(400, "COMMON_BAD_PAYLOAD", message, errors[0] if errors else None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return error_response(404, "COMMON_NOT_FOUND", f"No endpoint {request.method} {request.url.path}.")
        if exc.status_code == 405:
            return error_response(
                405, "COMMON_METHOD_NOT_ALLOWED", f"Method {request.method} is not allowed on {request.url.path}."
            )
        return error_response(exc.status_code, "COMMON_EXCEPTION", str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> Response:
        log.exception("localhub: unexpected error", exc_info=exc)
        return error_response(500, "COMMON_EXCEPTION", "Unexpected error; see the localhub log.")


def _install_fault_control(app: FastAPI) -> None:
    @app.get(CONTROL_PATH, include_in_schema=False)
    async def faults_state(request: Request) -> Response:
        return JSONResponse(request.app.state.faults.state())

    @app.put(CONTROL_PATH, include_in_schema=False)
    async def faults_configure(request: Request) -> Response:
        try:
            request.app.state.faults.configure(await request.json())
        except ValueError as exc:
            return error_response(400, "COMMON_BAD_PAYLOAD", str(exc))
        return Response(status_code=204)


def _include_process_router(app: FastAPI, settings: Settings) -> None:
    """The Process API and its render pool (workers start with the app; see :mod:`localhub.process.pool`)."""
    try:
        from localhub.process.api import debug_router, router
        from localhub.process.pool import RenderPool
    except ModuleNotFoundError as exc:
        if exc.name not in ("localhub.process", "localhub.process.api"):
            raise
        return
    app.state.render_pool = RenderPool.for_settings(settings)
    app.include_router(router)
    if settings.process_test_hooks:
        app.include_router(debug_router)


def create_app(settings: Settings) -> FastAPI:
    """The localhub FastAPI app for ``settings`` (its data dir is created when missing, a temp dir when None).

    ``settings.s3_endpoint`` must be set (``python -m localhub`` starts a moto server when no endpoint is given).
    """
    if not settings.s3_endpoint:
        raise ValueError("localhub: settings.s3_endpoint is required (host:port of an S3-compatible server)")
    data_dir = Path(settings.data_dir or tempfile.mkdtemp(prefix="localhub-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    settings.data_dir = data_dir

    store = Store(data_dir)
    for account in settings.accounts:
        store.upsert_account(account.client_id, account.client_secret, account.account_id)
    if not settings.accounts and store.authenticate(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET) is None:
        store.upsert_account(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)

    s3 = S3Access(
        settings.s3_endpoint,
        settings.s3_access_key,
        settings.s3_secret_key,
        settings.s3_region,
        https=settings.s3_https,
        virtual_hosting=settings.s3_virtual_hosting,
    )
    engine = IngestionEngine(store, s3, settings.ingestion_workers, settings.state_delay, settings.metadata_delay)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = getattr(app.state, "render_pool", None)
        if pool is not None:
            pool.start()  # the workers start in the background; requests queue until they are ready
        resumed = engine.start()
        if resumed:
            print(f"localhub: resuming ingestion of {resumed} tile(s)", flush=True)
        try:
            yield
        finally:
            if pool is not None:
                pool.close()
            engine.stop()
            store.close()

    app = LocalhubApp(
        title="localhub",
        version=__version__,
        description="Local Sentinel Hub-compatible service: OAuth2 client credentials, BYOC API, ingestion.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.s3 = s3
    app.state.engine = engine
    app.state.tokens = auth.TokenService(
        auth.load_or_create_key(data_dir),
        settings.issuer or f"http://{settings.host}:{settings.port}/auth/realms/main",
        settings.token_expires_in,
    )
    app.state.rate_limiter = RateLimiter(*settings.rate_limit) if settings.rate_limit else None
    app.state.faults = FaultInjector(settings.fault_injection) if settings.fault_injection is not None else None

    _install_error_handlers(app)
    app.include_router(auth.router)
    app.include_router(byoc_api.router)
    _include_process_router(app, settings)
    from .batch import install as install_batch  # Batch API v2 (routes + executor in the lifespan)

    install_batch(app)
    if app.state.faults is not None:
        _install_fault_control(app)
    openapi_doc.install(app)
    return app
