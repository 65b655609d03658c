"""The web face (``pip install "walletcontact[web]"``): ``walletcontact serve`` runs
:func:`create_app` under uvicorn.

Starlette is the ASGI toolkit (small, typed, no ORM or template engine to carry; the page is
rendered by :mod:`walletcontact.web.page`), uvicorn the production server. Both are imported only
here, never by ``import walletcontact``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from .api import LIMITS, ApiError, data_version, handle, parse_body
from .openapi import openapi
from .page import CSS, choose_locale, render_page

__all__ = ["background", "create_app", "serve"]

#: The Content-Security-Policy of every answer: nothing but the page's own stylesheet.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


def create_app(registry: Any = None) -> Any:
    """The ASGI application (Starlette) over ``registry`` (the default registry when None)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    from .. import check_number, check_text
    from ..registry import default_registry

    reg = registry if registry is not None else default_registry()
    version = data_version(reg)
    headers = {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Walletcontact-Data": version,
    }

    def json_response(body: Any, status: int = 200, cache: bool = True) -> Response:
        text = json.dumps(body, ensure_ascii=False)
        extra = {"Cache-Control": "public, max-age=3600" if cache and status == 200 else "no-store"}
        return Response(text, status_code=status, media_type="application/json", headers={**headers, **extra})

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > LIMITS["body_bytes"]:
            raise ApiError(413, "body_too_large", f"the body is larger than {LIMITS['body_bytes']} bytes")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > LIMITS["body_bytes"]:
                raise ApiError(413, "body_too_large", f"the body is larger than {LIMITS['body_bytes']} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def api(request: Request) -> Response:
        route = request.path_params["route"].strip("/")
        locale = choose_locale(request.query_params.get("lang"), request.headers.get("accept-language"))
        try:
            if route == "health":
                return json_response({"status": "ok", "data_version": version}, cache=False)
            if route == "openapi.json":
                return json_response(openapi(version))
            if request.method == "POST":
                params: dict[str, Any] = {**dict(request.query_params), **parse_body(await read_body(request))}
            else:
                params = dict(request.query_params)
            return json_response(handle(route, params, reg, locale))
        except ApiError as exc:
            return json_response(exc.body(), exc.status)
        except Exception:
            return json_response({"error": {"code": "internal", "message": "internal error"}}, 500)

    async def page(request: Request) -> Response:
        qp = request.query_params
        locale = choose_locale(qp.get("lang"), request.headers.get("accept-language"))
        q = (qp.get("q") or "")[: LIMITS["text_chars"]]
        provider = (qp.get("provider") or "").strip()[:100]
        region = (qp.get("region") or "").strip().upper()[:8]
        sender = (qp.get("sender") or "").strip()[:32]
        answer: Any = None
        kind, error = "", None
        if q.strip():
            try:
                single = check_number(q, provider=provider or None, region=region or None, registry=reg)
                if single.verdict.value != "malformed" or (len(q.strip()) <= 24 and not any(c.isspace() for c in q.strip())):
                    answer, kind = single, "number"
                else:
                    answer, kind = check_text(q, region=region or None, provider=provider or None,
                                              sender=sender or None, registry=reg), "text"
            except Exception as exc:
                error = str(exc).splitlines()[0] if str(exc) else "error"
        body = render_page(locale=locale, q=q, provider=provider, region=region, answer=answer, kind=kind,
                           data_version=version, error=error, sender=sender)
        return HTMLResponse(body, headers={**headers, "Cache-Control": "no-store", "Content-Language": locale,
                                           "Vary": "Accept-Language"})

    async def css(_: Request) -> Response:
        return Response(CSS, media_type="text/css", headers={**headers, "Cache-Control": "public, max-age=86400"})

    async def not_found(request: Request, exc: Exception) -> Response:
        return json_response({"error": {"code": "not_found", "message": f"no such page: {request.url.path}"}}, 404)

    async def failed(request: Request, exc: Exception) -> Response:
        return json_response({"error": {"code": "internal", "message": "internal error"}}, 500)

    return Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/page.css", css, methods=["GET"]),
            Route("/v1/{route:path}", api, methods=["GET", "POST"]),
        ],
        exception_handlers={404: not_found, 405: not_found, 500: failed, Exception: failed},
    )


def serve(host: str = "127.0.0.1", port: int = 8000, registry: Any = None) -> None:
    """Run the app under uvicorn (loopback by default) until interrupted."""
    import uvicorn

    from .. import preload

    if registry is None:
        registry = preload()
    uvicorn.run(create_app(registry), host=host, port=port, log_level="warning", access_log=False)


@contextlib.contextmanager
def background(port: int | None = None, *, timeout: float = 30.0) -> Iterator[str]:
    """``walletcontact serve`` in a child process on loopback, for tests and load tests: yields the
    base URL once ``/v1/health`` answers, and stops the server on exit.

    Raises:
        RuntimeError: the server did not answer within ``timeout`` seconds.
    """
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    if port is None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "walletcontact", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(base + "/v1/health", timeout=2) as answer:
                    if json.load(answer).get("status") == "ok":
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"walletcontact serve did not answer on {base}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)

