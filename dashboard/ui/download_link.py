"""A download on the page as a plain link to thidua's download route, styled as a button.

``offer`` (or ``anchor`` and ``offer_row``, for links side by side) registers the file's
recipe (``dashboard/download_registry.py``) for this Streamlit session, this account and its
session token, and draws ``<a href=…>`` (no ``target``): one click downloads in place (same
tab; the answer is an attachment, so the page stays) without a script run, and the file is
built only then, by the route (``dashboard/download_route.py``), which checks the session
again and writes the audit entry. No ``download`` attribute: with one, a refused or expired
link would be a failed download with no word of why; without it, the tab shows the route's
page in the user's language. Every value in the markup is escaped; the address is the
server's own.
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.download_registry import REGISTRY, Recipe
from dashboard.download_route import href
from dashboard.ui import access
from thidua import theme

LINK_CLASS = "thidua-download"
ROW_CLASS = "thidua-downloads"
SESSION_KEY = "download_session"
GLYPH = "\u2913"  # ⤓ a plain glyph, no icon font fetched


def _style() -> str:
    look = theme.Theme()
    return (
        f"<style>a.{LINK_CLASS}{{display:inline-flex;align-items:center;gap:.5rem;"
        "min-height:2.5rem;padding:.25rem .75rem;border-radius:.5rem;"
        f"border:1px solid {look.muted};background:{look.paper};color:{look.font_colour};"
        "text-decoration:none;font-size:.875rem;line-height:1.6;white-space:nowrap}"
        f"a.{LINK_CLASS}:hover{{border-color:{look.primary};color:{look.primary}}}"
        f"a.{LINK_CLASS}:focus-visible{{outline:2px solid {look.primary};outline-offset:2px}}"
        f"a.{LINK_CLASS}.primary{{background:{look.primary};border-color:{look.primary};"
        f"color:{look.paper}}}"
        f"a.{LINK_CLASS}.primary:hover{{filter:brightness(1.1);color:{look.paper}}}"
        f"div.{ROW_CLASS}{{display:flex;flex-wrap:wrap;gap:.75rem}}</style>")


def session_id() -> str:
    """This Streamlit session's own random id (kept in its state: unique in AppTest too,
    whose sessions all share one runtime id)."""
    return st.session_state.setdefault(SESSION_KEY, secrets.token_urlsafe(12))


def begin_render() -> None:
    """At the start of every script run: the tokens of older renders (but the last) go."""
    REGISTRY.begin_render(session_id())


def anchor(label: str, build: Callable[[], bytes], file_name: str, mime: str, *, event: str,
           what: str, action: str, lang: str, primary: bool = False, **details: Any) -> str:
    """The ``<a>`` of ``build``'s file (its recipe registered), for ``offer`` or ``offer_row``."""
    account = access.current()
    token = REGISTRY.offer(Recipe(
        build=build, file_name=file_name, mime=mime, event=event, what=what, details=details,
        action=action, user=account.name, session=st.session_state.get(access.TOKEN_KEY),
        accounts=access.store_path(), lang=lang, streamlit_session=session_id()))
    kind = f"{LINK_CLASS} primary" if primary else LINK_CLASS
    return (f"<a class=\"{kind}\" href=\"{html.escape(href(token, lang))}\">"
            f"<span aria-hidden=\"true\">{GLYPH}</span>{html.escape(label)}</a>")


def offer(label: str, build: Callable[[], bytes], file_name: str, mime: str, *, event: str,
          what: str, action: str, lang: str, primary: bool = False, where: Any = st,
          **details: Any) -> None:
    """Draw the download link of ``build``'s file."""
    where.html(_style() + anchor(label, build, file_name, mime, event=event, what=what,
                                 action=action, lang=lang, primary=primary, **details))


def offer_row(*anchors: str, where: Any = st) -> None:
    """Several links side by side, wrapping when narrow, in one element: each element is a
    message to the browser and a render of the page there (columns for two links were six)."""
    where.html(f"{_style()}<div class=\"{ROW_CLASS}\">{''.join(anchors)}</div>")
