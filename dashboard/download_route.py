"""thidua's own download route: ``GET <base>/api/thidua/download/<token>``, beside Streamlit's.

Streamlit's ``st.download_button(data=callable)`` keeps the built file at ``/media/<hash>``
unmapped to any session, and any session's next script runs sweep it away: with many viewers
the file could vanish between the click and the browser's fetch (issue 9). So a page offers a
*recipe* instead (``dashboard/ui/downloads.py: link``): what to build, its name and type, the
audit entry, the role action it needs and who asked, kept in this process under a random,
unguessable token (:class:`Registry`) for ``LIFETIME_S``. Nothing is built at render.

The route builds the file only when it is fetched, in a worker thread, and answers it as an
attachment that no cache keeps. With accounts, the ``thidua_session`` cookie must be the
session the link was made for, still live, its account enabled and still allowed the action;
otherwise 403 and the refusal is in the audit log. Without accounts (the loopback single
user) the token alone suffices, until an account exists. An unknown or expired token gets a
short page in the link's language (410): reload the page.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from dashboard.download_registry import LIFETIME_S, REGISTRY, Recipe
from dashboard.session_routes import COOKIE, url_path
from thidua import theme
from thidua.accounts import roles
from thidua.accounts.audit import AuditLog
from thidua.accounts.store import AccountStore
from thidua.catalogue import t

DOWNLOAD_PATH = "api/thidua/download"
HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
log = logging.getLogger(__name__)


def href(token: str, lang: str) -> str:
    """The link's address, from the root (the language only words a dead link's page)."""
    return f"{url_path(DOWNLOAD_PATH)}/{token}?lang={'en' if lang == 'en' else 'vi'}"


def content_disposition(file_name: str) -> str:
    """``attachment`` with an ASCII fallback name and the real one as RFC 5987 ``filename*``."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_"
                       for c in file_name) or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def _page(status: int, key: str, lang: str) -> HTMLResponse:
    """A small page of its own (no asset, no script): a title and one sentence."""
    look = theme.Theme()
    title = html.escape(t(f"{key}_title", lang))
    body = html.escape(t(key, lang, minutes=LIFETIME_S // 60))
    text = (f"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head><body style=\"font-family: {look.font_family}; "
            f"color: {look.font_colour}; max-width: 40rem; margin: 3rem auto; padding: 0 1rem\">"
            f"<h1 style=\"font-size: 1.4rem\">{title}</h1><p>{body}</p></body></html>")
    return HTMLResponse(text, status_code=status, headers=HEADERS)


def _record(recipe: Recipe, **details) -> None:
    try:
        AuditLog(recipe.accounts).record(recipe.event, recipe.user, **details)
    except Exception:  # the audit store unreachable is said in the server log
        log.exception("audit entry %s for %s not written", recipe.event, recipe.user)


def refusal(recipe: Recipe, cookie: str | None) -> str | None:
    """Why the browser holding ``cookie`` may not have this file now (None: it may)."""
    store = AccountStore(recipe.accounts)
    required = store.path.exists() and (store.has_accounts() or bool(store.accounts()))
    if not required:
        return None if recipe.session is None else "signed_out"
    if recipe.session is None or not cookie or not store.same_session(cookie, recipe.session):
        return "signed_out"  # another browser, or the session has ended
    account = store.session(cookie)
    if account is None or account.disabled or account.name != recipe.user:
        return "signed_out"
    if not roles.can(account.role, recipe.action):
        return "not_allowed"
    return None


async def download(request: Request) -> Response:
    lang = "en" if request.query_params.get("lang") == "en" else "vi"
    recipe = REGISTRY.get(request.path_params["token"])
    if recipe is None:
        return _page(410, "download_gone", lang)
    lang = recipe.lang
    reason = await run_in_threadpool(refusal, recipe, request.cookies.get(COOKIE))
    if reason is not None:
        await run_in_threadpool(_record, recipe, what=recipe.what, outcome="refused",
                                reason=reason)
        return _page(403, "download_refused", lang)
    try:
        content = await run_in_threadpool(recipe.build)
    except Exception:
        log.exception("download %s for %s not built", recipe.what, recipe.user)
        return _page(500, "download_failed", lang)
    details = recipe.details
    if isinstance(content, tuple):  # (bytes, what the building learnt: its row count)
        content, learnt = content
        details = {**details, **learnt}
    await run_in_threadpool(_record, recipe, what=recipe.what, **details)
    headers = {**HEADERS, "Content-Disposition": content_disposition(recipe.file_name)}
    return Response(content, media_type=recipe.mime, headers=headers)


def routes() -> list[Route]:
    return [Route(url_path(DOWNLOAD_PATH) + "/{token}", download, methods=["GET"])]
