"""What the presentation slides draw of the units: one level, at most the worst and best few.

A province has some 1,500 units: a slide with a bar or a heatmap row for each cannot be read
from the back of a meeting room. Like the Participation and Criteria pages
(``dashboard.ui.level_view``), the slides show the level the unit filter points at — the
agencies when nothing is chosen — and of that level at most the ``SLIDE_ROWS`` worst and best
units, with a line saying how many of how many are shown. An Office (a handful of units, none
above another) is one level of fewer than ``2 × SLIDE_ROWS`` units: its slides show every unit.
A nominee list longer than ``NOMINEES_WHOLE`` keeps ``NOMINEES_PER_AWARD`` names per award
form and says how many more. Every data value
that goes into HTML here is escaped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from dashboard.ui import level_view, state
from thidua import formats
from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.metrics import levels
from thidua.metrics.filters import Filters

SLIDE_ROWS = 5  # worst and best units on a slide: at most 10 bars or heatmap rows
NOMINEES_WHOLE = 40  # a list this short (an Office's) is shown whole
NOMINEES_PER_AWARD = 6  # else: names per award form, then how many more


def _level(filters: Filters, params: dict, period) -> pd.DataFrame:
    view = level_view.current(filters)
    rows = state.query("metrics/unit_rollups", **params, period=period, **view.params())
    return level_view.own_labelled(rows, filters.lang)


def _note(shown: levels.Shown, measure_key: str, lang: str) -> str | None:
    """"Đang hiển thị 10 trên 30 đơn vị (…)" when the level is cut, else None."""
    if shown.shown >= shown.total:
        return None
    return t("level_showing", lang, shown=formats.count(shown.shown, lang),
             total=formats.count(shown.total, lang), n=formats.count(SLIDE_ROWS, lang),
             measure=t(measure_key, lang).lower())


def participation(filters: Filters, params: dict) -> tuple[pd.DataFrame, str | None]:
    """The participation slide's rows (one level, worst/best by staff taking part), its note."""
    shown = levels.worst_and_best(_level(filters, params, None), "staff_participation_pct",
                                  SLIDE_ROWS)
    return shown.rows, _note(shown, "kpi_staff_participation", filters.lang)


def heatmap(filters: Filters, params: dict, period) -> tuple[pd.DataFrame, str | None]:
    """The collective heatmap's cells for the level's worst/best units by collective
    fulfilment in ``period``, and its note."""
    level = _level(filters, params, period)
    shown = levels.worst_and_best(level, "collective_fulfilment_pct", SLIDE_ROWS)
    view = level_view.current(filters)
    cells = state.query("marts/criteria_fulfilment_by_level", **params, period=period,
                        subject_type="tap_the", **view.params())
    names = dict(zip(level["unit_code"], level["unit_name"], strict=True))
    cells = cells[cells["unit_code"].isin(shown.rows["unit_code"])].assign(
        unit_name=lambda d: d["unit_code"].map(names))
    return cells, _note(shown, "kpi_collective", filters.lang)


def _award_rank(code: object) -> int:
    return ref.AWARD_CODES.index(code) if code in ref.AWARD_CODES else len(ref.AWARD_CODES)


def nominee_lines(nominees: pd.DataFrame, lang: str) -> list[str]:
    """One line of HTML per award form, in the order of ``reference.AWARD_FORMS`` (highest
    first): its label, its count and its names (✓: awarded), at most ``NOMINEES_PER_AWARD``
    of them when the whole list is longer than ``NOMINEES_WHOLE``."""
    cap = len(nominees) if len(nominees) <= NOMINEES_WHOLE else NOMINEES_PER_AWARD
    lines = []
    awards = sorted(nominees["award_code"].unique(), key=lambda a: (_award_rank(a), str(a)))
    for award in awards:
        group = nominees[nominees["award_code"] == award].sort_values("subject_name")
        names = [escape(str(row.subject_name))
                 + (' <span class="mark">✓</span>' if row.status == "da_khen_thuong" else "")
                 for row in group.head(cap).itertuples()]
        if len(group) > cap:
            more = formats.count(len(group) - cap, lang)
            names.append(escape(t("slide_nominees_more", lang, n=more)))
        lines.append(f"<b>{escape(formats.award_label(award, lang))}</b> "
                     f"({escape(formats.count(len(group), lang))}): {', '.join(names)}")
    return lines
