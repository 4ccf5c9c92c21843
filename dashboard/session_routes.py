"""The server's own session-cookie route and sign-out hook, mounted beside Streamlit's.

Streamlit 1.67 lets a script neither set nor clear a cookie, and an HttpOnly one must come
from an HTTP response. So ``dashboard/thidua_web.py`` runs the dashboard as an ``st.App`` with:

* ``POST /api/thidua/session`` ``{"code": "..."}``: the page, right after a sign-in, posts the
  session's one-time code (a minute, single use: ``Sessions.claim_handoff``) and gets the
  ``thidua_session`` cookie — HttpOnly, SameSite=Strict, Secure over https, the app's path, and
  a Max-Age of what is left of the session's 24 hours. The session token itself never reaches
  the page or an address. Only the app's own pages may ask (their Origin is this Host).
* Streamlit's ``/auth/logout`` (where ``st.logout`` sends the browser at every sign-out): the
  session the cookie names is ended in the store and the cookie cleared in the same answer.

Every request the dashboard's script sees carries the cookie (Streamlit reads it from the
WebSocket handshake: ``st.context.cookies``), so a reload finds the session again.
"""

from __future__ import annotations

import json
import logging
import sqlite3

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thidua.accounts.store import AccountStore, accounts_path
from thidua.store.database import resolve_db

COOKIE = "thidua_session"
SESSION_PATH = "api/thidua/session"
LOGOUT_PATH = "auth/logout"  # Streamlit's own (st.logout)
MAX_BODY = 1024
log = logging.getLogger(__name__)


def url_path(path: str) -> str:
    """``path`` under the app's base (``server.baseUrlPath``), from the root."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (base, path) if part)


def cookie_path() -> str:
    return url_path("")


def _store() -> AccountStore:
    return AccountStore(accounts_path(resolve_db()))


def _https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or ""
    host = request.headers.get("host") or ""
    return bool(host) and origin.split("://", 1)[-1].rstrip("/") == host


async def _small_body(request: Request) -> bytes | None:
    """The request's body, or None once it passes ``MAX_BODY`` (nothing more is read)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return body


def _code(body: bytes) -> str | None:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


async def claim(request: Request) -> Response:
    """Exchange a fresh sign-in's one-time code for the session cookie."""
    headers = {"Cache-Control": "no-store"}
    if not _same_origin(request):
        return Response(status_code=403, headers=headers)
    body = await _small_body(request)
    code = _code(body) if body is not None else None
    if code is None:
        return Response(status_code=400, headers=headers)
    try:
        claimed = await run_in_threadpool(_store().claim_handoff, code)
    except sqlite3.Error:
        log.exception("session cookie not issued: the accounts store failed")
        return Response(status_code=503, headers=headers)
    if claimed is None:
        return Response(status_code=410, headers=headers)
    token, max_age = claimed
    response = Response(status_code=204, headers=headers)
    response.set_cookie(COOKIE, token, max_age=max_age, path=cookie_path(), httponly=True,
                        samesite="strict", secure=_https(request))
    return response


def clearing_header(secure: bool) -> str:
    """The Set-Cookie header that removes the session cookie."""
    response = Response()
    response.delete_cookie(COOKIE, path=cookie_path(), httponly=True, samesite="strict",
                           secure=secure)
    return response.headers["set-cookie"]


class SignOutCookie:
    """On Streamlit's sign-out address: end the cookie's session and clear the cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != url_path(LOGOUT_PATH):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = request.cookies.get(COOKIE)
        if token:
            try:
                await run_in_threadpool(_store().end_session, token)
            except sqlite3.Error:
                log.exception("session end not written at sign-out")
        header = clearing_header(_https(request))

        async def send_clearing(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", header)
            await send(message)

        await self.app(scope, receive, send_clearing)


def routes() -> list[Route]:
    return [Route(url_path(SESSION_PATH), claim, methods=["POST"])]
