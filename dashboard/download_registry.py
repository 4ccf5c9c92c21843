"""The downloads a page offers, kept in this server process until fetched or expired.

A page's download link names a random token (``secrets.token_urlsafe``, 256 bits); the token
maps to a :class:`Recipe`: how to build the file, its name and type, the audit entry it makes,
the role action it needs, and who it was offered to (the Streamlit session, the account and
its session token). Nothing is built here: ``dashboard/download_route.py`` builds on fetch.

A token lives ``LIFETIME_S`` at most. Each script run of a Streamlit session starts a new
*render*: the tokens of the renders before the previous one are dropped (the previous one is
kept, so a click racing a rerun still works). A session keeps at most ``PER_SESSION`` tokens
and the process ``OVERALL``; past either, the oldest go first. Unlike Streamlit's ``/media``
files, no other session's script run can take a token away.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LIFETIME_S = 600  # ten minutes
PER_SESSION = 64
OVERALL = 4096


@dataclass(frozen=True)
class Recipe:
    """One offered file: built by ``build`` on fetch, for ``user`` of ``session`` only."""

    build: Callable[[], bytes | tuple[bytes, dict[str, Any]]]  # (bytes, details learnt)
    file_name: str
    mime: str
    event: str  # the audit entry: event, what, details
    what: str
    details: dict[str, Any]
    action: str  # the role action the file needs (thidua.accounts.roles)
    user: str
    session: str | None  # the thidua session token (None: no account, the local user)
    accounts: Path  # the accounts store the checks and the audit entry go to
    lang: str = "vi"
    streamlit_session: str | None = None
    render: int = 0
    made: float = field(default_factory=time.monotonic)


class Registry:
    """Tokens → recipes, thread-safe (script runs and the route's requests share it)."""

    def __init__(self, lifetime_s: float = LIFETIME_S, per_session: int = PER_SESSION,
                 overall: int = OVERALL, clock: Callable[[], float] = time.monotonic) -> None:
        self.lifetime_s, self.per_session, self.overall = lifetime_s, per_session, overall
        self.clock = clock
        self._recipes: OrderedDict[str, Recipe] = OrderedDict()
        self._renders: dict[str | None, int] = {}
        self._lock = threading.Lock()

    def begin_render(self, streamlit_session: str | None) -> None:
        """A new script run of ``streamlit_session``: older renders' tokens (but the last) go."""
        with self._lock:
            render = self._renders.get(streamlit_session, 0) + 1
            self._renders[streamlit_session] = render
            if len(self._renders) > self.overall:  # sessions long gone: keep those with tokens
                live = {r.streamlit_session for r in self._recipes.values()}
                self._renders = {s: n for s, n in self._renders.items()
                                 if s in live or s == streamlit_session}
            for token in [k for k, r in self._recipes.items()
                          if r.streamlit_session == streamlit_session and r.render < render - 1]:
                del self._recipes[token]

    def offer(self, recipe: Recipe) -> str:
        """Keep ``recipe`` under a new token (of its session's current render)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._expire()
            render = self._renders.get(recipe.streamlit_session, 0)
            self._recipes[token] = Recipe(**{**recipe.__dict__, "render": render,
                                             "made": self.clock()})
            mine = [k for k, r in self._recipes.items()
                    if r.streamlit_session == recipe.streamlit_session]
            for old in mine[:max(0, len(mine) - self.per_session)]:
                del self._recipes[old]
            while len(self._recipes) > self.overall:
                self._recipes.popitem(last=False)
        return token

    def get(self, token: str) -> Recipe | None:
        """The recipe of a live token, else None (unknown, expired, dropped)."""
        with self._lock:
            self._expire()
            return self._recipes.get(token)

    def end_session(self, streamlit_session: str | None) -> None:
        with self._lock:
            self._renders.pop(streamlit_session, None)
            for token in [k for k, r in self._recipes.items()
                          if r.streamlit_session == streamlit_session]:
                del self._recipes[token]

    def __len__(self) -> int:
        with self._lock:
            return len(self._recipes)

    def _expire(self) -> None:
        oldest = self.clock() - self.lifetime_s
        while self._recipes and next(iter(self._recipes.values())).made < oldest:
            self._recipes.popitem(last=False)


REGISTRY = Registry()
