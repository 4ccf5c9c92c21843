"""Charts: every builder on small literal frames, checking the figure's real properties."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from thidua import charts, theme
from thidua.charts import criteria as criteria_charts
from thidua.charts import margins
from thidua.contract import reference as ref

D = dt.date
STATUS_CODES = [s.code for s in ref.STATUSES]
LABELS_VI = [s.label_vi for s in ref.STATUSES]
LABELS_EN = [s.label_en for s in ref.STATUSES]
TT4 = dict((code, text) for code, _, text in ref.PLAN_CRITERIA)["TT4"]
TT1 = dict((code, text) for code, _, text in ref.PLAN_CRITERIA)["TT1"]


def units_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_code": ["KT", "TH", "NC"],
        "unit_name": ["Phòng Kinh tế", "Phòng Tổng hợp", "Phòng Nội chính"],
        "staff_total": [10, 4, 8],
        "staff_registered": [5, 4, 2],
        "staff_participation_pct": [50.0, 100.0, 25.0],
    })


def registrations_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "day": [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 1), D(2026, 1, 2)],
        "subject_type": ["ca_nhan", "ca_nhan", "tap_the", "tap_the"],
        "registered_that_day": [1, 2, 0, 1],
        "registered_total": [1, 3, 0, 1],
        "subjects_total": [4, 4, 2, 2],
    })


def breakdown_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "gender": ["Nam", "Nam", "Nữ", None],
        "staff_type": ["Viên chức", "Công chức", "Công chức", "Công chức"],
        "staff_total": [2, 4, 5, 1],
        "staff_registered": [1, 2, 5, 0],
        "staff_participation_pct": [50.0, 50.0, 100.0, 0.0],
    })


def heatmap_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_code": ["KT", "KT", "TH", "TH"],
        "unit_name": ["Phòng Kinh tế", "Phòng Kinh tế", "Phòng Tổng hợp", "Phòng Tổng hợp"],
        "criterion_code": ["TT1", "TT4", "TT1", "TT4"],
        "criterion_name": [TT1, TT4, TT1, TT4],
        "met": [2, 1, 0, 0],
        "evaluated": [3, 1, 0, 2],
        "fulfilment_pct": [66.7, 100.0, math.nan, 0.0],
    })


def trend_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "period": [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)],
        "collective_fulfilment_pct": [50.0, None, 75.0],
        "individual_fulfilment_pct": [60.5, 70.0, 80.0],
    })


def completeness_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_code": ["A", "B", "C"],
        "unit_name": ["Đơn vị A", "Đơn vị B", "Đơn vị C"],
        "completeness_pct": [95.0, 40.0, 60.0],
        "results_evaluated": [19, 4, 6],
        "results_expected": [20, 10, 10],
    })


def pipeline_frame() -> pd.DataFrame:
    # Shuffled on purpose: the chart must restore the pipeline order.
    rows = list(enumerate(ref.STATUSES, start=1))[::-1]
    return pd.DataFrame({
        "status": [s.code for _, s in rows],
        "label_vi": [s.label_vi for _, s in rows],
        "label_en": [s.label_en for _, s in rows],
        "nominations": [10 * i for i, _ in rows],
        "sort_order": [i for i, _ in rows],
    })


def weekly_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "week_end": [D(2026, 1, 4), D(2026, 1, 4), D(2026, 1, 11), D(2026, 1, 11)],
        "status": ["hoi_dong", "de_xuat", "da_khen_thuong", "tra_lai"],
        "sort_order": [2, 1, 6, 5],
        "nominations": [1, 3, 4, 2],
    })


def award_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "award_code": ["GKVP", "BKCT", "GKVP"],
        "award_order": [6, 5, 6],
        "status": ["de_xuat", "da_khen_thuong", "da_khen_thuong"],
        "status_order": [1, 6, 6],
        "nominations": [2, 1, 3],
    })


def stages_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "status": ["hoi_dong", "de_xuat", "tra_lai"],
        "sort_order": [2, 1, 5],
        "stays": [3, 5, 1],
        "ongoing": [1, 0, 1],
        "median_days": [4.5, 10.0, 7.0],
        "mean_days": [5.25, 12.0, 7.0],
        "max_days": [9, 30, 7],
    })


BUILDERS = [
    (charts.participation_by_unit, units_frame),
    (charts.registrations_over_time, registrations_frame),
    (charts.participation_breakdown, breakdown_frame),
    (charts.criteria_heatmap, heatmap_frame),
    (charts.fulfilment_trend, trend_frame),
    (charts.completeness_by_unit, completeness_frame),
    (charts.nomination_pipeline, pipeline_frame),
    (charts.nomination_status_weekly, weekly_frame),
    (charts.nominations_award_status, award_frame),
    (charts.stage_durations, stages_frame),
]


def look(fig: go.Figure, path: str) -> object:
    """The value of layout property ``path`` ("font.family") as drawn: the figure's own,
    else its template's."""
    for source in (fig.layout, fig.layout.template.layout):
        value = source
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


def unbr(text: str) -> str:
    return text.replace("<br>", " ")


# --- the shared look ---------------------------------------------------------------------


@pytest.mark.parametrize(("build", "frame"), BUILDERS)
def test_every_chart_has_the_shared_look(build, frame):
    vi = build(frame(), lang="vi")
    en = build(frame(), lang="en")
    assert isinstance(vi, go.Figure)
    assert vi.layout.separators == ",."
    assert en.layout.separators == ".,"
    # The look is drawn from the registered template (the figure's own values win over it).
    assert vi.layout.template.layout.to_plotly_json() == \
        pio.templates[charts.base.TEMPLATE_NAME].layout.to_plotly_json()
    assert look(vi, "font.family") == theme.FONT_STACK
    assert "Noto Sans" in look(vi, "font.family")  # a font with every Vietnamese glyph
    assert look(vi, "font.size") == 15
    assert look(vi, "hoverlabel.font.family") == look(vi, "font.family")
    # Axis colours on the figure's own axes (Plotly.js draws the axis line only for those).
    assert vi.layout.xaxis.linecolor == vi.layout.yaxis.linecolor == theme.THEME.axis_line
    assert look(vi, "xaxis.gridcolor") == look(vi, "yaxis.gridcolor") == theme.THEME.grid
    assert look(vi, "paper_bgcolor") == "white"
    assert {trace.type for trace in vi.data} <= set(charts.base.TRACE_TYPES)
    vi.to_json()  # serialisable as it will be sent to the browser


def test_the_template_is_plotly_white_with_the_thidua_look():
    template = pio.templates[charts.base.TEMPLATE_NAME]
    white = pio.templates["plotly_white"]
    assert template.layout.font.family == theme.FONT_STACK
    assert list(template.layout.colorway) == list(theme.THEME.palette)
    assert template.layout.xaxis.ticks == white.layout.xaxis.ticks  # the rest is plotly_white's
    assert template.layout.colorscale == white.layout.colorscale
    for kind in charts.base.TRACE_TYPES:
        assert template.data[kind] == white.data[kind]


def test_the_projector_look_overrides_the_template():
    fig = charts.for_projector(charts.stage_durations(stages_frame(), lang="vi"))
    assert look(fig, "font.color") == charts.PROJECTOR.text
    assert look(fig, "xaxis.gridcolor") == charts.PROJECTOR.grid
    assert look(fig, "legend.orientation") == "h"  # from the template, under the override


@pytest.mark.parametrize(("build", "frame"), BUILDERS)
def test_empty_frame_gives_a_note_not_an_error(build, frame):
    empty = frame().iloc[0:0]
    for df in (empty, pd.DataFrame()):
        fig = build(df, lang="vi")
        assert len(fig.data) == 0
        assert [a.text for a in fig.layout.annotations] == ["Chưa có dữ liệu"]
        assert (fig.layout.annotations[0].x, fig.layout.annotations[0].y) == (0.5, 0.5)
    assert build(empty, lang="en").layout.annotations[0].text == "No data yet"


def test_status_colours_are_fixed_and_cover_the_pipeline():
    assert list(charts.STATUS_COLOURS) == STATUS_CODES
    assert len(set(charts.STATUS_COLOURS.values())) == len(STATUS_CODES)
    assert charts.STATUS_COLOURS["tra_lai"] == charts.THEME.warn
    assert charts.STATUS_COLOURS["da_khen_thuong"] == charts.THEME.met
    assert charts.STATUS_COLOURS["khong_khen_thuong"] == charts.THEME.not_met


def test_plotly_config_hides_the_logo_and_cloud_sharing():
    assert charts.PLOTLY_CONFIG["displaylogo"] is False
    assert charts.PLOTLY_CONFIG["locale"] == "vi"
    assert charts.PLOTLY_CONFIG["showSendToCloud"] is False
    assert charts.plotly_config("en")["locale"] == "en"
    assert charts.PLOTLY_CONFIG["locale"] == "vi"  # the constant is not changed


def test_plotly_config_carries_the_mode_bars_words_from_the_catalogue():
    """Plotly looks its words up by their English text in ``locales[locale].dictionary``."""
    vi, en = charts.plotly_config("vi"), charts.plotly_config("en")
    assert vi["locales"]["vi"]["dictionary"]["Download plot as a PNG"] == "Tải biểu đồ dạng ảnh PNG"
    assert vi["locales"]["vi"]["dictionary"]["Reset axes"] == "Đặt lại trục"
    assert en["locales"]["en"]["dictionary"]["Reset axes"] == "Reset axes"
    assert set(vi["locales"]["vi"]["dictionary"]) == set(charts.base.PLOTLY_WORDS)
    vi["locales"]["vi"]["dictionary"]["Zoom"] = "changed"  # a caller's copy, not the cache's
    assert charts.plotly_config("vi")["locales"]["vi"]["dictionary"]["Zoom"] == "Phóng to vùng chọn"


def test_the_mode_bars_english_words_are_those_of_the_bundled_plotly():
    """A Plotly that renamed its words would leave them in English unseen: each one translated
    is spelled as in the plotly.js Streamlit draws with and in the one reports embed."""
    import plotly
    import streamlit

    bundles = [*Path(streamlit.__file__).parent.glob("static/static/js/PlotlyChart*.js"),
               Path(plotly.__file__).parent / "package_data" / "plotly.min.js"]
    assert len(bundles) == 2, bundles
    assert {"Download plot as a PNG", "Zoom in", "Zoom out", "Reset axes"} <= set(
        charts.base.PLOTLY_WORDS)  # the buttons the pages show (PLOTLY_CONFIG removes others)
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8", errors="replace")
        for words in charts.base.PLOTLY_WORDS:
            assert f"`{words}`" in text or f'"{words}"' in text, (bundle.name, words)


def test_numbers_and_dates_in_hovers_follow_the_language():
    big = units_frame().assign(staff_total=[12345, 4, 8], staff_registered=[1234, 4, 2],
                               staff_participation_pct=[10.0, 100.0, 25.0])
    vi = charts.participation_by_unit(big, lang="vi").data[0]
    en = charts.participation_by_unit(big, lang="en").data[0]
    assert vi.hovertext[0] == "<b>Phòng Kinh tế</b><br>Đã đăng ký: 1.234/12.345 người (10,0%)"
    assert en.hovertext[0] == (
        "<b>Phòng Kinh tế</b><br>Registered: 1,234 of 12,345 staff (10.0%)")
    assert list(vi.text) == ["10,0%", "25,0%", "100,0%"]
    week = charts.nomination_status_weekly(weekly_frame(), lang="en")
    assert week.data[0].hovertext[0].startswith("<b>Week ending 4 Jan 2026</b>")
    assert week.layout.xaxis.tickformat == "%-d %b %Y"
    trend = charts.fulfilment_trend(trend_frame(), lang="en")
    assert trend.data[1].hovertext[0] == "<b>Month Jan 2026</b><br>Individuals: 60.5%"
    assert trend.layout.xaxis.tickformat == "%b %Y"


# --- participation -------------------------------------------------------------------------


def test_participation_by_unit():
    fig = charts.participation_by_unit(units_frame(), target_pct=90, lang="vi")
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    assert [tr.name for tr in fig.data] == ["Đã đăng ký", "Chưa đăng ký"]
    assert fig.layout.barmode == "stack"
    registered, rest = fig.data
    assert registered.orientation == "h"
    # Lowest first (Plotly draws it at the bottom), so the best unit is on top.
    assert list(registered.y) == ["NC", "KT", "TH"]
    assert list(registered.x) == [25.0, 50.0, 100.0]
    assert list(rest.x) == [75.0, 50.0, 0.0]
    assert list(fig.layout.yaxis.ticktext) == ["Phòng Nội chính", "Phòng Kinh tế",
                                               "Phòng Tổng hợp"]
    assert list(registered.text) == ["25,0%", "50,0%", "100,0%"]
    assert registered.hovertext[1] == "<b>Phòng Kinh tế</b><br>Đã đăng ký: 5/10 người (50,0%)"
    target = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(target) == 1 and target[0].x0 == target[0].x1 == 90.0
    assert target[0].line.dash == "dash"
    assert [a.text for a in fig.layout.annotations] == ["Chỉ tiêu 90,0%"]


def test_participation_by_unit_without_target():
    fig = charts.participation_by_unit(units_frame(), lang="en")
    assert len(fig.layout.shapes) == 0
    assert [tr.name for tr in fig.data] == ["Registered", "Not registered"]


def test_registrations_over_time():
    fig = charts.registrations_over_time(registrations_frame(), target_pct=80, lang="vi")
    assert [tr.type for tr in fig.data] == ["scatter", "scatter"]
    staff, units = fig.data
    assert staff.name == "Cá nhân (cán bộ)" and units.name == "Tập thể (đơn vị)"
    assert list(staff.y) == [25.0, 75.0]
    assert list(units.y) == [0.0, 50.0]
    assert list(staff.x) == [D(2026, 1, 1), D(2026, 1, 2)]
    assert fig.layout.xaxis.tickformat == "%d/%m/%Y"
    assert staff.hovertext[1].startswith("<b>02/01/2026</b>")
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert len(lines) == 1 and lines[0].y0 == lines[0].y1 == 80.0
    assert lines[0].line.dash == "dash"
    assert fig.layout.annotations[0].text == "Chỉ tiêu 80,0%"


def test_participation_breakdown():
    fig = charts.participation_breakdown(breakdown_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["bar"] * 3
    assert fig.layout.barmode == "group"
    assert [tr.name for tr in fig.data] == ["Nam", "Nữ", "Không rõ"]
    assert list(fig.layout.xaxis.categoryarray) == ["Công chức", "Viên chức"]
    men = fig.data[0]
    assert list(men.x) == ["Công chức", "Viên chức"]
    assert list(men.y) == [50.0, 50.0]
    en = charts.participation_breakdown(breakdown_frame(), lang="en")
    assert [tr.name for tr in en.data] == ["Men", "Women", "Unknown"]
    assert list(en.layout.xaxis.categoryarray) == ["Civil servants", "Public employees"]


# --- criteria ------------------------------------------------------------------------------


def test_criteria_heatmap_values_and_full_criterion_text():
    fig = charts.criteria_heatmap(heatmap_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["heatmap"]  # one image of the plot, not two
    main = fig.data[0]
    missing = criteria_charts.MISSING_Z
    assert [list(row) for row in main.z] == [[66.7, 100.0], [missing, 0.0]]
    assert list(main.x) == ["TT1", "TT4"]
    assert list(main.y) == ["KT", "TH"]
    assert (main.zmin, main.zmax) == (missing, 100)
    assert [list(row) for row in main.text] == [["66,7", "100"], ["", "0"]]
    hover = main.hovertext[0][1]
    assert TT4 in unbr(hover)  # the full wording, not a shortened one
    assert "Phòng Kinh tế" in hover and "Đạt: 1/1 lượt đánh giá (100,0%)" in hover
    assert all(len(line) <= 80 for line in hover.split("<br>"))
    # The unevaluated cell: grey (below 0 % on the scale, whose foot is grey), blank,
    # "chưa đánh giá"; 0 % keeps the scale's own red.
    scale = [(at, colour) for at, colour in main.colorscale]
    zero = -missing / (100 - missing)
    assert {c for at, c in scale if at < zero} == {charts.THEME.missing}
    assert [c for at, c in scale if at >= zero] == [c for _, c in charts.THEME.fulfilment_scale]
    assert "Chưa đánh giá" in main.hovertext[1][0]
    assert TT1 in unbr(main.hovertext[1][0])
    assert list(main.colorbar.ticktext) == ["—", "0%", "20%", "40%", "60%", "80%", "100%"]
    assert list(main.colorbar.tickvals) == [missing / 2, 0, 20, 40, 60, 80, 100]
    assert list(fig.layout.yaxis.ticktext) == ["Phòng Kinh tế", "Phòng Tổng hợp"]


def test_criteria_heatmap_without_gaps_has_the_plain_scale():
    df = heatmap_frame().fillna({"fulfilment_pct": 0.0})
    (main,) = charts.criteria_heatmap(df).data
    assert (main.zmin, main.zmax) == (0, 100) and main.colorbar.ticktext is None
    assert charts.THEME.missing not in {colour for _, colour in main.colorscale}


def test_fulfilment_trend():
    fig = charts.fulfilment_trend(trend_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["scatter", "scatter"]
    assert all(tr.mode == "lines+markers" for tr in fig.data)
    assert list(fig.data[0].y) == [50.0, None, 75.0]
    assert list(fig.data[1].y) == [60.5, 70.0, 80.0]
    assert tuple(fig.layout.yaxis.range) == (0, 100)
    assert fig.layout.xaxis.tickformat == "%m/%Y"
    assert fig.data[1].hovertext[0] == "<b>Tháng 01/2026</b><br>Cá nhân: 60,5%"


def test_completeness_by_unit():
    fig = charts.completeness_by_unit(completeness_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["bar"]
    bar = fig.data[0]
    assert list(bar.y) == ["B", "C", "A"]
    assert list(bar.x) == [40.0, 60.0, 95.0]
    assert list(bar.marker.color) == [charts.THEME.not_met, charts.THEME.warn, charts.THEME.met]
    assert fig.layout.yaxis.autorange == "reversed"  # lowest on top


# --- nominations ---------------------------------------------------------------------------


def test_nomination_pipeline_keeps_pipeline_order_and_colours():
    fig = charts.nomination_pipeline(pipeline_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["bar"]
    bar = fig.data[0]
    assert list(bar.x) == LABELS_VI
    assert list(fig.layout.xaxis.categoryarray) == LABELS_VI
    assert list(bar.y) == [10, 20, 30, 40, 50, 60, 70]
    assert list(bar.marker.color) == [charts.STATUS_COLOURS[c] for c in STATUS_CODES]
    assert list(charts.nomination_pipeline(pipeline_frame(), lang="en").data[0].x) == LABELS_EN


def test_nomination_pipeline_horizontal_for_the_projector():
    fig = charts.for_projector(charts.nomination_pipeline(pipeline_frame(), lang="vi",
                                                          horizontal=True))
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.y) == LABELS_VI and list(bar.x) == [10, 20, 30, 40, 50, 60, 70]
    assert fig.layout.yaxis.autorange == "reversed"  # first stage on top
    assert fig.layout.paper_bgcolor == charts.PROJECTOR.background
    assert fig.layout.font.size == charts.PROJECTOR.font_size
    assert fig.layout.height is None and fig.layout.autosize is True  # fills its container


def test_nomination_pipeline_shows_every_stage():
    df = pipeline_frame().iloc[[0]]  # only the last status has nominations
    bar = charts.nomination_pipeline(df, lang="vi").data[0]
    assert list(bar.x) == LABELS_VI
    assert list(bar.y) == [0, 0, 0, 0, 0, 0, 70]


def test_nomination_status_weekly():
    window = (D(2026, 1, 1), D(2026, 1, 8))
    fig = charts.nomination_status_weekly(weekly_frame(), window=window, lang="vi")
    assert [tr.type for tr in fig.data] == ["bar"] * 4
    assert fig.layout.barmode == "stack"
    assert fig.layout.legend.traceorder == "normal"
    codes = ["de_xuat", "hoi_dong", "tra_lai", "da_khen_thuong"]
    assert [tr.name for tr in fig.data] == [ref.STATUSES[STATUS_CODES.index(c)].label_vi
                                           for c in codes]
    assert [tr.marker.color for tr in fig.data] == [charts.STATUS_COLOURS[c] for c in codes]
    assert list(fig.data[0].x) == [D(2026, 1, 4), D(2026, 1, 11)]
    assert list(fig.data[0].y) == [3, 0]
    assert list(fig.data[3].y) == [0, 4]
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 1
    assert (rects[0].x0, rects[0].x1) == window
    assert [a.text for a in fig.layout.annotations] == ["Thời gian đợt thi đua"]
    assert fig.data[0].hovertext[0] == "<b>Tuần đến ngày 04/01/2026</b><br>Đơn vị đề xuất: 3 hồ sơ"


def test_nomination_status_weekly_without_window():
    fig = charts.nomination_status_weekly(weekly_frame(), lang="vi")
    assert len(fig.layout.shapes) == 0


def test_nominations_award_status():
    fig = charts.nominations_award_status(award_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    assert fig.layout.barmode == "stack"
    proposed, awarded = fig.data
    assert proposed.orientation == awarded.orientation == "h"
    labels = ["Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chánh Văn phòng"]
    assert list(proposed.y) == labels
    assert list(fig.layout.yaxis.categoryarray) == labels
    assert list(proposed.x) == [0, 2]
    assert list(awarded.x) == [1, 3]
    assert proposed.name == "Đơn vị đề xuất"
    assert awarded.marker.color == charts.STATUS_COLOURS["da_khen_thuong"]


def test_stage_durations():
    fig = charts.stage_durations(stages_frame(), lang="vi")
    assert [tr.type for tr in fig.data] == ["bar"]
    bar = fig.data[0]
    assert list(bar.x) == [LABELS_VI[0], LABELS_VI[1], LABELS_VI[4]]
    assert list(bar.y) == [10.0, 4.5, 7.0]
    assert list(bar.marker.color) == [charts.STATUS_COLOURS[c]
                                      for c in ("de_xuat", "hoi_dong", "tra_lai")]
    assert bar.hovertext[1] == (
        "<b>Hội đồng TĐKT cơ quan xét</b><br>Trung vị: 4,5 ngày<br>Trung bình: 5,3 ngày<br>"
        "Lâu nhất: 9 ngày<br>Số lượt: 3 (đang ở bước này: 1)")



def test_stage_durations_horizontal_keeps_the_stage_names_level():
    """On the Khen thưởng page the stages run top to bottom: their names level on the left,
    the days along the bottom, the first stage on top, each bar with its own hover."""
    upright = charts.stage_durations(stages_frame(), lang="vi")
    fig = charts.stage_durations(stages_frame(), lang="vi", horizontal=True)
    bar = fig.data[0]
    assert bar.orientation == "h"
    assert list(bar.y) == list(upright.data[0].x) and list(bar.x) == list(upright.data[0].y)
    assert bar.hovertext == upright.data[0].hovertext
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.yaxis.title.text == upright.layout.xaxis.title.text
    # the names' room is on the left now, not under the plot
    assert fig.layout.margin.l > upright.layout.margin.l
    assert fig.layout.margin.b < upright.layout.margin.b

# --- readable hover boxes and heatmap axis ---------------------------------------------------


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb" or "white"."""
    hex_colour = "FFFFFF" if colour == "white" else colour.lstrip("#")
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_on_known_pairs():
    assert round(contrast("#000000", "white"), 2) == 21.0
    assert round(contrast(theme.THEME.axis_line, "white"), 2) == 2.10  # the old hover text


@pytest.mark.parametrize(("build", "frame"), BUILDERS)
def test_hover_boxes_are_dark_text_on_white_in_a_visible_border(build, frame):
    for fig in (build(frame(), lang="vi"), charts.for_projector(build(frame(), lang="vi"))):
        label = {part: look(fig, f"hoverlabel.{part}") for part in ("bgcolor", "bordercolor")}
        assert look(fig, "hoverlabel.font.color") == theme.THEME.font_colour
        assert contrast(look(fig, "hoverlabel.font.color"), label["bgcolor"]) >= 4.5
        assert contrast(label["bordercolor"], label["bgcolor"]) >= 3  # WCAG 1.4.11, non-text
    assert round(contrast(theme.THEME.font_colour, theme.THEME.paper), 1) == 14.8


def test_heatmap_axis_names_each_criterion_short():
    fig = charts.criteria_heatmap(heatmap_frame(), lang="vi")
    assert list(fig.layout.xaxis.tickvals) == ["TT1", "TT4"]
    assert list(fig.layout.xaxis.ticktext) == [
        "<b>TT1</b><br>Triển khai<br>đầy đủ, hiệu<br>quả…",
        "<b>TT4</b><br>Xây dựng cơ<br>quan, đơn vị<br>trong…"]
    assert fig.layout.xaxis.tickangle == 0  # level: Plotly would turn wide labels on end


def test_heatmap_axis_names_many_criteria_by_code_alone():
    many = criteria_charts.WORDED_UP_TO + 1
    frames = [heatmap_frame().assign(criterion_code=f"TT{i}", criterion_name=f"Nội dung số {i}")
              for i in range(1, many + 1)]
    fig = charts.criteria_heatmap(pd.concat(frames, ignore_index=True), lang="vi")
    assert list(fig.layout.xaxis.ticktext) == [f"<b>TT{i}</b>" for i in range(1, many + 1)]
    assert fig.layout.xaxis.tickangle == 0
    hovers = " ".join(h for row in fig.data[0].hovertext for h in row if h)
    assert all(f"Nội dung số {i}" in hovers for i in range(1, many + 1))  # the wording: hover


def test_heatmap_axis_escapes_a_criterion_named_like_html():
    df = heatmap_frame().assign(criterion_name="<img src=x onerror=alert(1)>")
    ticks = list(charts.criteria_heatmap(df, lang="vi").layout.xaxis.ticktext)
    assert ticks[0] == "<b>TT1</b><br>&lt;img src=x<br>onerror=alert(1)&gt;"
    assert all("<img" not in tick for tick in ticks)


def test_projector_target_note_sits_on_a_panel():
    fig = charts.for_projector(charts.participation_by_unit(units_frame(), target_pct=90))
    note = next(a for a in fig.layout.annotations if "90" in a.text)
    assert (note.bgcolor, note.font.color) == (charts.PROJECTOR.panel, charts.PROJECTOR.text)


# --- margins given, so that Plotly draws a chart once (tests/browser checks they fit) ---------


def margin_of(fig: go.Figure) -> dict[str, int]:
    m = fig.layout.margin
    return {"l": m.l, "r": m.r, "t": m.t, "b": m.b}


def test_a_longer_unit_name_widens_the_left_margin_by_its_characters():
    short = charts.completeness_by_unit(completeness_frame())
    longer = completeness_frame().assign(
        unit_name=["Đơn vị A", "Phòng Kiểm soát thủ tục hành chính", "Đơn vị C"])
    wide = charts.completeness_by_unit(longer)
    extra = len("Phòng Kiểm soát thủ tục hành chính") - len("Đơn vị A")
    grown = margin_of(wide)["l"] - margin_of(short)["l"]
    assert grown == pytest.approx(extra * theme.THEME.font_size * margins.CHAR_EM, abs=1)


def test_every_figure_has_margins_at_least_those_of_the_template():
    template = margins.TEMPLATE_MARGIN
    for fig in (charts.criteria_heatmap(heatmap_frame()), charts.fulfilment_trend(trend_frame()),
                charts.completeness_by_unit(completeness_frame()), charts.no_data_figure()):
        got = margin_of(fig)
        assert all(got[side] >= template[side] for side in template), got


def test_the_heatmap_leaves_room_for_its_labels_on_top_and_its_colour_bar_on_the_right():
    fig = charts.criteria_heatmap(heatmap_frame(), lang="vi")
    got = margin_of(fig)
    tick_lines = max(text.count("<br>") + 1 for text in fig.layout.xaxis.ticktext)
    assert got["t"] > tick_lines * theme.THEME.font_size  # the criteria's wrapped names
    title = fig.data[0].colorbar.title.text
    assert got["r"] > margins.text_px(title, theme.THEME.font_size - 1)  # "Tỷ lệ đạt (%)"
    assert got["b"] == margins.TEMPLATE_MARGIN["b"]  # nothing below the cells


def test_the_projector_margins_are_measured_at_its_larger_type():
    desk = margin_of(charts.completeness_by_unit(completeness_frame()))
    room = margin_of(charts.for_projector(charts.completeness_by_unit(completeness_frame())))
    assert room["l"] > desk["l"] and room["b"] > desk["b"]


def test_text_px_counts_what_is_drawn_not_the_markup():
    size = 10
    assert margins.text_px("<b>TT1</b><br>Triển khai", size) == margins.text_px(
        "Triển khai", size)
    assert margins.text_px("A &amp; B", size) == margins.text_px("A & B", size)


def test_a_count_axis_of_numpy_integers_gets_room_for_its_digits():
    import numpy as np

    fig = go.Figure(go.Bar(x=["a", "b"], y=np.array([12, 120_000], dtype="int64")))
    left = margins.fitted_margins(fig, 15, margins.TEMPLATE_MARGIN)["l"]
    assert left == margins.text_px("888,888", 15) + margins.TICK_GAP_PX  # 120,000 × 1.2


def test_a_percent_axis_ending_at_100_leaves_room_for_its_last_label():
    # Plotly hides, rather than cuts, a tick label that would pass the chart's edge: the
    # projector's "Tham gia theo đơn vị" lost its "100%" so.
    for fig, size in ((charts.participation_by_unit(units_frame()), theme.THEME.font_size),
                      (charts.for_projector(charts.participation_by_unit(units_frame())),
                       charts.PROJECTOR.font_size - 2)):
        half = margins.text_px("100%", size) / 2
        assert margin_of(fig)["r"] >= half + margins.TICK_GAP_PX / 2, margin_of(fig)
