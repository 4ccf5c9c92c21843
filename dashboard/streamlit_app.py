"""The dashboard's entry: page config, the global filters (kept in the URL), navigation.

Thin on purpose: the filters are resolved here once per run and handed to the pages through
``st.session_state["filters"]``; the pages only lay out what the named queries return. With
``?mode=trinh-chieu`` the same filters drive the presentation mode instead (no sidebar).
Every page has its own address ("/" switches to "/tong-quan"); what the address asks for and
the database lacks (a page, campaign, unit or date) is said in a warning, not silently replaced.

Who is asking comes first (``dashboard/ui/access.py``): with accounts in the store, a session
without a valid token (its own, the browser's session cookie, or a fresh Office sign-in:
``dashboard/ui/oidc.py``) sees only the sign-in page, whatever its address. The navigation holds
only the pages the account's role may open (``roles.allowed_pages``), so an address of another
page reaches the hidden home page, which refuses it by name; the page chosen is checked against
the same set before it runs. A ``trinh_chieu`` account gets the presentation at any address.
"""

from __future__ import annotations

import datetime as dt
import runpy
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

if __package__ in (None, ""):  # `streamlit run dashboard/streamlit_app.py` runs it as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.ui import access, delivery, download_link, failure, oidc, state, timing, unit_picker
from dashboard.ui.page_css import PRESENT_KEY, page_styles
from dashboard.ui.widgets import md_escape
from thidua import formats
from thidua.accounts import roles
from thidua.accounts.store import Account
from thidua.catalogue import LANGS, t
from thidua.formats import as_date
from thidua.metrics.filters import PRESENTATION_MODE, Filters, from_query, to_query

PAGES = (  # (file, catalogue key, icon, url path)
    ("app_pages/overview.py", "page_overview", ":material/dashboard:", "tong-quan"),
    ("app_pages/participation.py", "page_participation", ":material/group:", "tham-gia"),
    ("app_pages/criteria.py", "page_criteria", ":material/fact_check:", "tieu-chi"),
    ("app_pages/nominations.py", "page_nominations", ":material/workspace_premium:",
     "khen-thuong"),
    ("app_pages/reports.py", "page_reports", ":material/description:", "bao-cao"),
    ("app_pages/tables.py", "page_tables", ":material/table:", "du-lieu"),
    ("app_pages/import_data.py", "page_import", ":material/upload_file:", "nhap-du-lieu"),
    ("app_pages/audit_log.py", "page_audit", ":material/history:", "nhat-ky"),
)
PRESENTATION_PAGE = "app_pages/presentation.py"
SIGN_IN_PAGE = "app_pages/sign_in.py"
OPEN_PATHS = frozenset({"", "dang-nhap"})  # the home switch (the default: "") and sign-in
HERE = Path(__file__).resolve().parent
FAVICON = HERE / "static" / "favicon.svg"  # shipped: no page asks a font server for its icon
AFTER_END = dt.timedelta(days=366)  # the as-of picker reaches a year past the campaign's end


def _date_bounds(campaigns, campaign: str) -> tuple[dt.date, dt.date, dt.date]:
    """(first, last, default) as-of dates a campaign's date picker offers.

    From the campaign's start (or the data's default, if earlier) to whichever is latest: the
    data, today, or a year after the campaign's end, so "long after it ended" can be looked at.
    """
    latest = as_date(state.query("metrics/default_as_of", campaign_code=campaign,
                                 today=dt.date(9999, 12, 31))["as_of"].iloc[0])
    default = as_date(state.query("metrics/default_as_of", campaign_code=campaign,
                                  today=dt.date.today())["as_of"].iloc[0])
    row = campaigns.set_index("campaign_code").loc[campaign]
    first = min(as_date(row["start_date"]), default)
    end = as_date(row["end_date"])
    return first, max(latest, default, end + AFTER_END, dt.date.today()), default


def _url_notices(initial: Filters, codes: list[str], unit_names: dict[str, str],
                 bounds: tuple[dt.date, dt.date, dt.date], lang: str) -> list[str]:
    """What the address asked for and this database does not have, said in words."""
    notices = []
    shown = initial.campaign if initial.campaign in codes else codes[0]
    if initial.campaign and initial.campaign not in codes:
        notices.append(t("unknown_campaign", lang, code=md_escape(initial.campaign), shown=shown))
    unknown = [u for u in initial.units if u not in unit_names]
    if unknown:
        notices.append(t("unknown_units", lang, campaign=shown,
                         codes=md_escape(", ".join(unknown))))
    raw = st.query_params.get("as_of")
    first, last, default = bounds
    if raw and (initial.as_of is None or not first <= initial.as_of <= last):
        notices.append(t("unknown_as_of", lang, value=md_escape(raw), campaign=shown,
                         first=formats.date(first, lang), last=formats.date(last, lang),
                         shown=formats.date(default, lang)))
    return notices


def _as_of_picker(sidebar, value: dt.date, bounds: tuple[dt.date, dt.date, dt.date],
                  campaign: str, lang: str) -> dt.date:
    """The as-of date in a form: applied by its button, not on the field's blur.

    Streamlit 1.67's date field commits a typed date only when it loses focus, and that
    commit's rerun swallows the click that took the focus (a page link). In a form the blur
    sends nothing; the date is applied by the button (Enter in the field does nothing: the
    field has no Enter handling in Streamlit 1.67).
    """
    first, last, _default = bounds
    with sidebar.form(f"as_of_form_{campaign}", border=False, enter_to_submit=False):
        as_of = st.date_input(t("filter_as_of", lang), value=value, min_value=first,
                              max_value=last, format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
                              key=f"as_of_{campaign}")
        st.form_submit_button(t("filter_as_of_apply", lang), icon=":material/event_available:")
    return as_of


def _resolve(initial: Filters, campaigns, widgets: bool
             ) -> tuple[Filters, dt.date | None, list[str]]:
    """The filters of this run (from the sidebar widgets, or the URL alone) and the notices."""
    sidebar = st.sidebar
    lang = initial.lang
    if widgets:
        lang = sidebar.segmented_control(
            t("filter_lang", initial.lang), LANGS, default=initial.lang, key="lang",
            format_func=lambda code: t(f"lang_{code}", code), required=True) or initial.lang
    if campaigns.empty:
        return Filters(lang=lang, extra=dict(initial.extra)), None, []
    codes = list(campaigns["campaign_code"])
    names = dict(zip(campaigns["campaign_code"], campaigns["campaign_name"], strict=True))
    campaign = initial.campaign if initial.campaign in codes else codes[0]
    unit_names = _unit_names(campaign)
    chosen = [u for u in initial.units if u in unit_names]
    bounds = _date_bounds(campaigns, campaign)
    notices = _url_notices(initial, codes, unit_names, bounds, lang)
    first, last, default = bounds
    as_of = initial.as_of if initial.as_of and first <= initial.as_of <= last else default
    if widgets:
        sidebar.subheader(t("filters_title", lang))
        campaign = sidebar.selectbox(
            t("filter_campaign", lang), codes, index=codes.index(campaign),
            format_func=lambda c: f"{c} · {names[c][:60]}", key="campaign")
        if campaign != (initial.campaign if initial.campaign in codes else codes[0]):
            unit_names = _unit_names(campaign)
            bounds = _date_bounds(campaigns, campaign)
            default = bounds[2]
            chosen, as_of, notices = [], default, []
        units = unit_picker.units_of(campaign)
        if unit_picker.uses_hierarchy(units):  # a province: by level and by search
            chosen = unit_picker.hierarchy_picker(sidebar, units, chosen, campaign, lang)
        else:  # an Office: one list of its units
            chosen = sidebar.multiselect(
                t("filter_units", lang), list(unit_names), default=chosen,
                format_func=lambda c: unit_names.get(c, c),
                placeholder=t("filter_units_all", lang), key=f"units_{campaign}")
        as_of = _as_of_picker(sidebar, as_of, bounds, campaign, lang)
        if access.may("present") and sidebar.button(  # the line above it: page_css.SIDEBAR_CSS
                t("present_start", lang), icon=":material/slideshow:", key=PRESENT_KEY):
            st.query_params["mode"] = PRESENTATION_MODE
            st.rerun()
    return Filters(campaign, tuple(chosen), as_of, lang, dict(initial.extra)), default, notices


def _unit_names(campaign: str) -> dict[str, str]:
    units = unit_picker.units_of(campaign)
    return dict(zip(units["unit_code"], units["unit_name"], strict=True))


def _requested_path() -> str:
    """The address's page segment as the browser asked for it ("" at the root, or unknown).

    Read as the browser sent it: Streamlit 1.67's ``st.context.url`` cuts any registered page's
    path off the end without a "/" boundary ("/nhap-du-lieu" reads "/nhap-" when "du-lieu" is
    registered), which would turn a refused page into an unknown one.
    """
    try:
        from streamlit.runtime.context import _context_info_field
        url = _context_info_field("url") or ""
    except ImportError:  # another Streamlit: its public, possibly trimmed, address
        url = st.context.url or ""
    path = urlparse(url).path.strip("/")
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base):].strip("/")
    return path


def _navigation(lang: str, query: dict[str, str], notices: list[str], allowed: frozenset[str]):
    """Every page the role may open at its own address; "/" opens the first (the Overview).

    Streamlit serves its default page at "/" only (its ``url_path`` is ignored), so the
    default here is a hidden page that switches to the first page: both "/" and "/tong-quan"
    show it. An unknown address (which Streamlit also sends to the default page) gets a
    sentence naming what was not found; the address of a page this role may not open (it is
    not in the navigation, so it lands here too) gets the refusal and nothing else.
    """
    pages = [st.Page(HERE / path, title=t(key, lang), icon=icon, url_path=url)
             for path, key, icon, url in PAGES if url in allowed]
    if not pages:  # a role with no page (or an unknown one) gets nothing
        access.refuse(lang)

    def root() -> None:  # what this run found wrong in the address is said after the switch
        path = _requested_path()
        if path in {url for *_rest, url in PAGES} - allowed:
            access.refuse(lang)
        unknown = path and path not in {url for *_rest, url in PAGES}
        st.session_state["carried_notices"] = (
            [t("unknown_page", lang, path=md_escape(path))] if unknown else []) + notices
        st.switch_page(pages[0], query_params=query)

    home = st.Page(root, title=pages[0].title, icon=pages[0].icon, url_path="trang-chu",
                   default=True, visibility="hidden")
    sign_in = st.Page(HERE / SIGN_IN_PAGE, title=t("signin_page_title", lang),
                      url_path="dang-nhap", visibility="hidden")
    return st.navigation([home, *pages, sign_in])


def _account(initial: Filters) -> Account | None:
    """This session's account; None when accounts exist and it has no valid one (sign in)."""
    store = access.account_store()
    local = not access.required(store)
    st.session_state[access.LOCAL_KEY] = local
    if local:
        return roles.LOCAL_USER
    return access.signed_in(store) or oidc.sign_in(store)


def _sign_in(lang: str) -> None:
    """The sign-in page at any address, and nothing else; the default page (as the home switch
    is once signed in): the rerun after a sign-in lands on the home switch, then the Overview."""
    st.session_state.pop(access.ACCOUNT_KEY, None)
    st.session_state["filters"] = Filters(lang=lang)
    failure.run(_at_every_address(SIGN_IN_PAGE, t("signin_page_title", lang)), lang)


def _at_every_address(script: str, title: str):
    """``script`` as the hidden navigation's only page, at "/" and under every page's address
    (and an unknown one): a signed-out person gets the sign-in form and a projector its slides
    at any link, not Streamlit's English "Page not found" dialog over them."""
    known = [*(url for *_, url in PAGES), "dang-nhap"]
    urls = known + [p for p in [_requested_path()] if p and p not in known and "/" not in p]
    at = [st.Page(_script_at(script, url), title=title, url_path=url) for url in urls]
    return st.navigation([st.Page(HERE / script, title=title, default=True), *at],
                         position="hidden")


def _script_at(script: str, url: str):
    """A page function for one address that runs ``script`` (a file beside this one)."""
    def page() -> None:
        runpy.run_path(str(HERE / script), run_name="__page__")

    page.__name__ = f"{Path(script).stem}_{url.encode().hex()}"  # a name for each address
    return page


def main() -> None:
    download_link.begin_render()  # this session's download links of older renders end
    initial = from_query(st.query_params.to_dict())
    account = _account(initial)
    role = account.role if account else ""
    if role == "trinh_chieu" and initial.mode != PRESENTATION_MODE:  # the screen's only view
        initial = replace(initial, extra={**initial.extra, "mode": PRESENTATION_MODE})
    refused_mode = initial.mode == PRESENTATION_MODE and not roles.can(role, "present")
    if refused_mode:
        initial = replace(initial, extra={k: v for k, v in initial.extra.items() if k != "mode"})
    presenting = account is not None and initial.mode == PRESENTATION_MODE
    st.set_page_config(page_title="thidua", page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="collapsed" if presenting else "expanded")
    st.html(page_styles(initial.lang))  # printing, a stale page's fade, the tools' words
    if account is None:
        _sign_in(initial.lang)
        return
    st.session_state[access.ACCOUNT_KEY] = account
    campaigns = state.query("metrics/campaigns")
    filters, default_as_of, notices = _resolve(initial, campaigns, widgets=not presenting)
    st.session_state["filters"] = filters
    st.session_state["campaigns"] = campaigns
    query = to_query(filters)
    if filters.as_of == default_as_of:  # "today" stays "today" in a bookmarked link
        query.pop("as_of", None)
    allowed = roles.allowed_pages(role)
    if presenting:
        page = _at_every_address(PRESENTATION_PAGE, t("present_title", filters.lang))
    else:
        access.sidebar_account(filters.lang)
        page = _navigation(filters.lang, query, notices, allowed)
    if st.query_params.to_dict() != query:
        st.query_params.from_dict(query)
    if st.session_state.get(access.LOCAL_KEY) and not presenting:
        st.info(t("access_local_banner", filters.lang), icon=":material/person:")
    if refused_mode:
        st.warning(t("access_no_present", filters.lang), icon=":material/block:")
    for notice in st.session_state.pop("carried_notices", None) or notices:
        st.warning(notice, icon=":material/search_off:")
    if not presenting and page.url_path not in allowed | OPEN_PATHS:  # deny by default
        access.refuse(filters.lang)
    if presenting or page.url_path:  # not the home switch, whose run is cut short at once
        access.emit_cookie()  # once after a sign-in: the browser fetches its session cookie
    failure.run(page, filters.lang)  # a failure in the page's words, details in the log


with timing.timed_run(), delivery.whole_pages(), failure.guarded():  # timed; in one piece
    main()
