"""Trình chiếu: the big-screen mode for review meetings (UI only).

One view per slide, large type on a high-contrast background, no sidebar or chrome. The slide
number, play/pause and the interval live in the URL as well as in the session, so a reload
keeps the place. A fragment re-runs every few seconds: it advances the slide when playing and
re-reads the (cached) queries, so a new import appears within a minute without losing the slide.
Only nominees' names are shown as personal data. The figures and the best units come from
``thidua.metrics.kpis`` (the overview's own); the units a chart draws and the nominee list are
``dashboard.ui.slide_units``'s (at province scale one level, its worst and best few, said in a
note); every data value put into HTML is escaped.
"""

from __future__ import annotations

import time
from html import escape

import streamlit as st

from dashboard.ui import access, figures, slide_units, state
from thidua import charts, formats
from thidua.accounts import roles
from thidua.catalogue import t
from thidua.metrics import kpis
from thidua.theme import PROJECTOR, Projector

SLIDES = ("kpis", "participation", "heatmap", "pipeline", "commend")
INTERVALS = (10, 20, 30, 60, 120)
REFRESH_S = 5  # how often the fragment looks at the clock and the data


def projector_css(p: Projector = PROJECTOR, playing: bool = False) -> str:
    """The slides' style sheet, its colours from ``thidua.theme.PROJECTOR``.

    Sizes follow the viewport: the root type scales with the screen (16 px at 1920×1080, twice
    that on a 3840×2160 wall), and a slide's chart takes the height the strip and the title
    leave (``calc(100vh - …)``), so no slide ends in an empty band whatever the projector.
    The control bar stays in the flow above the slide (it never covers it) and fades out while
    the slides run; pointing at it or tabbing into it brings it back.
    """
    bar = "0" if playing else "0.35"
    return f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
footer {{display: none !important;}}
html {{font-size: clamp(16px, min(0.834vw, 1.482vh), 40px) !important;
  --slide-body: calc(100vh - 8rem - clamp(2.2rem, 3.4vw, 3.6rem) * 1.15);}}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  background: {p.background} !important; color: {p.text} !important;}}
.block-container {{padding: 0.4rem 2.4rem 0 2.4rem !important; max-width: 100% !important;}}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {{gap: 0.4rem;}}
.stApp h1, .stApp h2, .stApp h3, .stApp p, .stApp li, .stApp label, .stApp span {{
  color: {p.text} !important;}}
.stApp h1 {{font-size: clamp(2.2rem, 3.4vw, 3.6rem) !important; line-height: 1.15 !important;
  padding: 0.1rem 0 0.3rem 0 !important;}}
.stApp h3 {{font-size: 1.8rem !important;}}
.st-key-present_controls {{opacity: {bar}; transition: opacity 0.3s;}}
.st-key-present_controls:hover, .st-key-present_controls:focus-within {{opacity: 1;}}
.st-key-present_controls button, .st-key-present_controls [data-baseweb="select"] {{
  min-height: 2.2rem;}}
.strip {{font-size: 1.35rem; color: {p.muted_text} !important;
  border-bottom: 2px solid {p.grid}; padding-bottom: 0.3rem;}}
.kpi {{background: {p.panel}; border: 2px solid {p.grid}; border-radius: 14px;
  padding: 1.4rem 1.6rem; margin-bottom: 0.6rem; display: flex; flex-direction: column;
  justify-content: center; min-height: calc(var(--slide-body) / 2 - 1.6rem);}}
.kpi .label {{font-size: 2rem; color: {p.muted_text};}}
.kpi .value {{font-size: clamp(3rem, 6vw, 7.5rem); font-weight: 700; line-height: 1.1;
  color: {p.text};}}
.kpi .detail {{font-size: 1.6rem; color: {p.muted_text};}}
.big-list {{font-size: min(2rem, 3.1vh); line-height: 1.45;}}
.mark {{font-weight: 700;}}
.big-note {{font-size: 1.6rem; color: {p.muted_text};}}
.slide-note {{font-size: 1.6rem; line-height: 1.4; padding-bottom: 0.4rem;
  color: {p.muted_text};}}
.slide-empty {{font-size: 2.4rem; color: {p.muted_text}; padding: 10vh 0; text-align: center;}}
[class*="st-key-slide_chart"] [data-testid="stPlotlyChart"],
[class*="st-key-slide_chart"] .js-plotly-plot {{
  height: var(--slide-body) !important;}}
[class*="st-key-slide_chart_noted"] [data-testid="stPlotlyChart"],
[class*="st-key-slide_chart_noted"] .js-plotly-plot {{
  height: calc(var(--slide-body) - 3rem) !important;}}
.stButton button {{font-size: 1.1rem; background: {p.panel}; color: {p.text};
  border: 2px solid {p.button_border};}}
</style>
"""


filters = st.session_state["filters"]
lang = filters.lang


def count(value: object) -> str:
    return formats.count(value, lang)


def _query_int(key: str, default: int, choices: tuple[int, ...] | None = None) -> int:
    try:
        value = int(filters.extra.get(key, default))
    except ValueError:
        return default
    return value if choices is None or value in choices else default


if "slide" not in st.session_state:
    st.session_state["slide"] = _query_int("slide", 1) - 1
    st.session_state["playing"] = filters.extra.get("play", "1") != "0"
    st.session_state["every"] = _query_int("every", 20, INTERVALS)
    st.session_state["shown_at"] = time.monotonic()
st.session_state["slide"] %= len(SLIDES)  # a slide number from the URL out of range
st.html(projector_css(playing=st.session_state["playing"]))


def _go(step: int) -> None:
    st.session_state["slide"] = (st.session_state["slide"] + step) % len(SLIDES)
    st.session_state["shown_at"] = time.monotonic()


def _toggle() -> None:
    st.session_state["playing"] = not st.session_state["playing"]
    st.session_state["shown_at"] = time.monotonic()


def _exit() -> None:
    for key in ("mode", "slide", "play", "every"):
        st.query_params.pop(key, None)


def kpi_card(label: str, value: str, detail: str = "") -> str:
    """One figure as HTML; every part is escaped (labels are words, values are data)."""
    return (f'<div class="kpi"><div class="label">{escape(label)}</div>'
            f'<div class="value">{escape(value)}</div>'
            f'<div class="detail">{escape(detail)}</div></div>')


def period_name(period) -> str:
    """"12/2025", or "none yet" before the first evaluation month."""
    return formats.month(period, lang) if period is not None else t("slide_no_period", lang)


def chart(build, df, note: str | None = None, **options) -> None:
    """A projector figure (built once for every room showing these rows, ``figures``) filling
    the height the slide leaves (see ``projector_css``), under the note saying how many units it
    shows when the level is cut (``slide_units``)."""
    kind = "slide_chart"
    if note:
        st.markdown(f'<div class="slide-note">{escape(note)}</div>', unsafe_allow_html=True)
        kind = "slide_chart_noted"
    fig = figures.figure(build, df, lang, projector=True, **options)
    with st.container(key=f"{kind}_{st.session_state['slide']}"):
        st.plotly_chart(fig, config=charts.plotly_config(lang), theme=None, height="stretch")


def slide_kpis(headline: kpis.Headline) -> None:
    st.title(t("slide_kpis", lang))
    k = headline.kpis
    period_text = t("kpi_period", lang, period=period_name(headline.period))
    cards = [
        kpi_card(t("kpi_staff_participation", lang),
                 formats.pct(k.staff_participation_pct, lang),
                 f"{count(k.staff_registered)}/{count(k.staff_total)}"),
        kpi_card(t("kpi_unit_participation", lang),
                 formats.pct(k.unit_participation_pct, lang),
                 f"{count(k.units_registered)}/{count(k.units_total)}"),
        kpi_card(t("kpi_individual", lang), formats.pct(k.individual_fulfilment_pct, lang),
                 period_text),
        kpi_card(t("kpi_completeness", lang), formats.pct(k.completeness_pct, lang),
                 period_text),
        kpi_card(t("kpi_nominations", lang), count(k.nominations_total),
                 t("kpi_nomination_outcome", lang, awarded=count(k.nominations_awarded),
                   rejected=count(k.nominations_not_awarded),
                   pending=count(k.nominations_pending))),
    ]
    top, bottom = st.columns(3), st.columns(2)
    for column, card in zip([*top, *bottom], cards, strict=True):
        column.markdown(card, unsafe_allow_html=True)


def slide_participation(params: dict, campaign: dict) -> None:
    st.title(t("slide_participation", lang))
    units, note = slide_units.participation(filters, params)
    chart(charts.participation_by_unit, units, note,
          target_pct=campaign.get("target_participation_pct") or 100)


def slide_heatmap(params: dict, period) -> None:
    st.title(t("slide_heatmap", lang, period=period_name(period)))
    if period is None:
        st.markdown(f'<div class="slide-empty">{escape(t("slide_no_evaluations", lang))}</div>',
                    unsafe_allow_html=True)
        return
    cells, note = slide_units.heatmap(filters, params, period)
    chart(charts.criteria_heatmap, cells, note)


def slide_pipeline(params: dict) -> None:
    st.title(t("slide_pipeline", lang))
    chart(charts.nomination_pipeline, state.query("metrics/nominations_by_status", **params),
          horizontal=True)


def slide_commend(params: dict, headline: kpis.Headline) -> None:
    st.title(t("slide_commend", lang))
    left, right = st.columns([2, 3])
    with left:
        st.subheader(t("slide_top_units", lang, period=period_name(headline.period)))
        lines = [f"{i}. <b>{escape(row['unit_name'])}</b> — "
                 f"{escape(formats.pct(row['score_pct'], lang))}"
                 for i, row in enumerate(headline.ranking, start=1)]
        if not lines:
            lines = [escape(t("slide_no_evaluations", lang))]
        st.markdown(f'<div class="big-list">{"<br>".join(lines)}</div>', unsafe_allow_html=True)
    with right:
        st.subheader(t("slide_nominees", lang))
        nominees = access.scoped(state.query("marts/nomination_list", **params),
                                 filters.campaign, "proposing_unit")
        nominees = nominees[nominees["status"] != "khong_khen_thuong"]
        if nominees.empty:
            st.markdown(f'<div class="big-list">{escape(t("slide_no_nominees", lang))}</div>',
                        unsafe_allow_html=True)
            return
        lines = slide_units.nominee_lines(nominees, lang)
        st.markdown(f'<div class="big-list">{"<br>".join(lines)}</div>', unsafe_allow_html=True)
        note = escape(formats.status_label("da_khen_thuong", lang))
        st.markdown(f'<div class="big-note">✓ {note}</div>', unsafe_allow_html=True)


campaigns = st.session_state.get("campaigns")
if not filters.campaign or campaigns is None or campaigns.empty:
    st.title(t("present_title", lang))
    st.markdown(t("no_database", lang))
    st.stop()

with st.container(key="present_controls"):
    controls = st.columns([1.3, 1.6, 1.3, 2, 1.3, 3])
controls[0].button(t("present_prev", lang), icon=":material/chevron_left:", shortcut="Left",
                   on_click=_go, args=(-1,), key="present_prev")
controls[1].button(t("present_pause" if st.session_state["playing"] else "present_play", lang),
                   icon=":material/pause:" if st.session_state["playing"]
                   else ":material/play_arrow:", shortcut="Space", on_click=_toggle,
                   key="present_toggle")
controls[2].button(t("present_next", lang), icon=":material/chevron_right:", shortcut="Right",
                   on_click=_go, args=(1,), key="present_next")
every = controls[3].selectbox(
    t("present_every", lang), INTERVALS, index=INTERVALS.index(st.session_state["every"]),
    format_func=lambda n: t("present_seconds", lang, n=n), key="present_every",
    label_visibility="collapsed")
st.session_state["every"] = every
if roles.allowed_pages(access.current().role):  # the meeting-room screen has nowhere else
    controls[4].button(t("present_exit", lang), icon=":material/close:", shortcut="Esc",
                       on_click=_exit, key="present_exit")


@st.fragment(run_every=REFRESH_S)
def show_slide() -> None:
    """The current slide; advances it when playing and its time is up."""
    if (st.session_state["playing"]
            and time.monotonic() - st.session_state["shown_at"] >= st.session_state["every"]):
        _go(1)
    index = st.session_state["slide"]
    st.query_params["slide"] = str(index + 1)
    st.query_params["play"] = "1" if st.session_state["playing"] else "0"
    st.query_params["every"] = str(st.session_state["every"])
    campaigns = state.query("metrics/campaigns").set_index("campaign_code")
    campaign = campaigns.loc[filters.campaign].to_dict()
    params = filters.params()
    period = formats.as_date(state.query("metrics/evaluation_period", **params)["period"].iloc[0])
    headline = kpis.headline(state.rows, params, period)
    units = ", ".join(filters.units) if filters.units else t("filter_units_all", lang)
    strip = t("present_strip", lang, campaign=f"{filters.campaign} · "
              f"{campaign['campaign_name'][:90]}", units=units,
              as_of=formats.date(filters.as_of, lang))
    slide_of = t("present_slide_of", lang, n=index + 1, total=len(SLIDES))
    st.markdown(f'<div class="strip">{escape(strip)} · {escape(slide_of)}</div>',
                unsafe_allow_html=True)
    name = SLIDES[index]
    if name == "kpis":
        slide_kpis(headline)
    elif name == "participation":
        slide_participation(params, campaign)
    elif name == "heatmap":
        slide_heatmap(params, period)
    elif name == "pipeline":
        slide_pipeline(params)
    else:
        slide_commend(params, headline)


show_slide()
