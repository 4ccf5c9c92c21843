"""The one catalogue of words the user sees, in Vietnamese (default) and English.

Entries are split by area into sibling modules (``loader``, ``template``, ...), each exposing a
``MESSAGES`` dict of ``key -> (vietnamese, english)``; this module merges them and refuses
duplicate keys, so a word has exactly one home. Templates use ``str.format`` named fields.
"""

from __future__ import annotations

from importlib import import_module

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
_AREAS = ("common", "loader", "template", "template_columns", "ui", "charts", "reports", "cli",
          "accounts")


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for key, pair in import_module(f"{__name__}.{area}").MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} is defined twice (area {area})")
            merged[key] = pair
    return merged


MESSAGES = _merge()


def t(key: str, lang: str = DEFAULT_LANG, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` with ``params`` filled in."""
    vi, en = MESSAGES[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text
