"""A page that fails says so in the reader's language, with a reference IT finds in the log.

Left to Streamlit, an exception on a page is its English box ("This app has encountered an
error…", with advice about Streamlit Cloud), whatever language the page speaks. Here the page's
own words say that the page could not be shown, that nothing was changed, and which reference to
give IT; the traceback goes to the server's log (the journal, under ``thidua serve``) with that
reference. Where the configuration shows details (``client.showErrorDetails`` "full" or
"stacktrace": a developer's ``streamlit run``, the test suite), Streamlit's own exception
element follows, so a failing page still fails its tests. Streamlit's stop and rerun are not
exceptions of this kind (``BaseException``) and pass through. :func:`guarded` does the same
for the rest of a run (the sidebar, the sign-in), in the address's language.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterator
from typing import Any

import streamlit as st

from thidua.catalogue import LANGS, t

log = logging.getLogger(__name__)
DETAILED = frozenset({"full", "stacktrace", "True", "False"})  # as Streamlit 1.67 reads them


def reference() -> str:
    """Six hex digits to quote on the telephone and find in the log."""
    return secrets.token_hex(3).upper()


def run(page: Any, lang: str) -> None:
    """``page.run()``; an exception from it is said in the catalogue's words."""
    try:
        page.run()
    except Exception as error:  # every failure of a page is reported the same way
        shown(error, lang)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """The whole run: a failure outside a page (the sidebar's filters, the sign-in, the data
    line) is said as a page's is, in the language of the address or of the last run."""
    try:
        yield
    except Exception as error:
        shown(error, current_lang())


def current_lang() -> str:
    wanted = st.query_params.get("lang")
    if wanted in LANGS:
        return wanted
    filters = st.session_state.get("filters")
    return getattr(filters, "lang", None) if getattr(filters, "lang", None) in LANGS else "vi"


def shown(error: Exception, lang: str) -> None:
    ref = reference()
    log.error("page failed, reference %s", ref, exc_info=error)
    st.error(t("page_failed", lang, ref=ref), icon=":material/error:")
    if str(st.get_option("client.showErrorDetails")) in DETAILED:
        st.exception(error)
