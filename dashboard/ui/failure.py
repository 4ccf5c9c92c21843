"""A page that fails says so in the reader's language, with a reference IT finds in the log.

Left to Streamlit, an exception on a page is its English box ("This app has encountered an
error…", with advice about Streamlit Cloud), whatever language the page speaks. Here the page's
own words say that the page could not be shown, that nothing was changed, and which reference to
give IT; the traceback goes to the server's log (the journal, under ``thidua serve``) with that
reference. Where the configuration shows details (``client.showErrorDetails`` "full" or
"stacktrace": a developer's ``streamlit run``, the test suite), Streamlit's own exception
element follows, so a failing page still fails its tests. Streamlit's stop and rerun are not
exceptions of this kind (``BaseException``) and pass through.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

import streamlit as st

from thidua.catalogue import t

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


def shown(error: Exception, lang: str) -> None:
    ref = reference()
    log.error("page failed, reference %s", ref, exc_info=error)
    st.error(t("page_failed", lang, ref=ref), icon=":material/error:")
    if str(st.get_option("client.showErrorDetails")) in DETAILED:
        st.exception(error)
