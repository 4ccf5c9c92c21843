"""The campaign progress report (*báo cáo tiến độ*): the dashboard's pages as one file to send.

One campaign, unit scope and as-of date (the evaluation period is ``metrics/evaluation_period``
of that date, as on the pages) give one document in three formats:

* **HTML**: a single self-contained file that opens offline: inline CSS, the Plotly figures
  interactive with plotly.js embedded once (in the first figure), no MathJax, no web font and
  no external URL; print-friendly (A4, tables repeat their header on every page).
* **PDF**: the same content with the figures rendered to PNG by kaleido in one browser start,
  embedded as ``data:`` images in a static variant of the HTML, printed by headless Chromium
  (Debian's ``/usr/bin/chromium``).
* **XLSX**: the tables, one sheet each (the KPIs first, as two columns), each with the applied
  filters above a frozen header, in the conventions of ``thidua.documents.exports.to_xlsx_bytes``.

The document mirrors the pages: (1) Tổng quan — where the campaign stands in its window, the
KPI numbers, the fulfilment trend, the units needing attention; (2) Tham gia — participation by
unit (chart and table), registrations over time, gender × staff type, staff not yet registered;
(3) Tiêu chí — the collective and individual heatmaps of the period, the criteria texts,
completeness per unit and who has not submitted; (4) Khen thưởng — pipeline, weekly status,
award form × status, days per stage and the nominations table. Every number comes from the
named queries in ``queries/`` (the ones the pages and ``thidua summary`` use); every word from
the catalogue. Nothing here touches Streamlit.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import html
import io
import math
import os
import signal
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import plotly.graph_objects as go
import xlsxwriter

from thidua import charts
from thidua.catalogue import MESSAGES, t
from thidua.charts import is_missing as _missing
from thidua.contract import reference as ref
from thidua.documents.exports import (
    DATE_FORMAT_XLSX,
    DATETIME_FORMAT_XLSX,
    _plain,
    _sheet_name,
    _shown_width,
    safe_cell,
    slugify,
)
from thidua.metrics.summary import UnknownCampaign, build_summary_from_frames
from thidua.store.sql import fetch_df, fetch_rows

FORMATS = ("html", "pdf", "xlsx")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                 "--no-first-run", "--no-default-browser-check")
PDF_TIMEOUT_S = 120.0
STATIC_WIDTH_PX = 900  # layout width of a chart in the PDF (printed about 180 mm wide)
STATIC_SCALE = 2.0  # pixels per layout pixel of the PNG: sharp on paper
DEFAULT_CHART_HEIGHT = 400
WIDE_TABLE_COLUMNS = 8  # from this many columns a table prints in smaller type

_STATUS = {s.code: s for s in ref.STATUSES}
_AWARD = {a.code: a for a in ref.AWARD_FORMS}
_XLSX_MAX_WIDTH = 60
_XLSX_MIN_WIDTH = 8

# Columns of the tables (as the pages show them).
UNIT_COLUMNS = ["unit_code", "unit_name", "staff_total", "staff_registered",
                "staff_participation_pct", "is_registered"]
ATTENTION_COLUMNS = ["unit_code", "unit_name", "completeness_pct", "collective_fulfilment_pct",
                     "individual_fulfilment_pct"]
COMPLETENESS_COLUMNS = ["unit_code", "unit_name", "results_evaluated", "results_expected",
                        "completeness_pct"]
CRITERIA_COLUMNS = ["unit_code", "unit_name", "criterion_code", "criterion_name", "met",
                    "evaluated", "fulfilment_pct"]
NOMINATION_COLUMNS = ["nomination_code", "subject_name", "subject_type", "proposing_unit_name",
                      "award_code", "proposed_on", "status", "status_since", "days_in_status",
                      "decision_ref"]


# ---------------------------------------------------------------------------------------------
# The document: sections of blocks, the same for the HTML and the PDF.


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass(frozen=True)
class Note:
    """A line of text (a caption, a count, an empty state)."""

    text: str


@dataclass(frozen=True)
class Chart:
    """A Plotly figure under its heading."""

    title: str
    figure: go.Figure


@dataclass(frozen=True)
class Table:
    """Rows of a query (raw column names and codes; labelled when rendered)."""

    frame: pd.DataFrame


@dataclass(frozen=True)
class KpiCard:
    """One number of the overview with its label and detail line."""

    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class Kpis:
    """The overview's KPI cards."""

    cards: tuple[KpiCard, ...]


@dataclass(frozen=True)
class Window:
    """Where the campaign stands in its window: share elapsed (``None``: not started)."""

    fraction: float | None
    text: str


Block = Heading | Note | Chart | Table | Kpis | Window


@dataclass(frozen=True)
class Section:
    """One dashboard page of the report."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass
class ProgressReport:
    """Everything the three formats are made from, for one campaign, scope and date."""

    lang: str
    campaign_code: str
    campaign_name: str
    as_of: dt.date
    period: dt.date | None
    unit_codes: list[str] | None
    generated_at: dt.datetime
    header_lines: list[str]
    filter_lines: list[str]
    kpi_rows: list[tuple[str, Any]]
    sections: list[Section]
    sheets: list[tuple[str, pd.DataFrame]] = field(default_factory=list)

    @property
    def figures(self) -> list[go.Figure]:
        """The figures in document order."""
        return [b.figure for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    @property
    def title(self) -> str:
        """The document title: report kind, campaign and date."""
        return (f"{t('report_progress_title', self.lang)} — {self.campaign_name} "
                f"({self.campaign_code}) — {fmt_date(self.as_of, self.lang)}")


# ---------------------------------------------------------------------------------------------
# Formatting (Vietnamese separators for lang vi).


def fmt_date(value: Any, lang: str) -> str:
    """dd/mm/yyyy (vi) or yyyy-mm-dd (en), as the dashboard's tables; "—" when missing."""
    if _missing(value):
        return "—"
    day = pd.Timestamp(value).date()
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def fmt_time(value: Any, lang: str) -> str:
    """A moment as "HH:MM dd/mm/yyyy" (vi) or "yyyy-mm-dd HH:MM" (en); "—" when missing."""
    if _missing(value):
        return "—"
    stamp = pd.Timestamp(value)
    return stamp.strftime("%H:%M %d/%m/%Y" if lang == "vi" else "%Y-%m-%d %H:%M")


def fmt_period(value: Any) -> str:
    """An evaluation month as mm/yyyy; "—" when there is none."""
    return "—" if _missing(value) else pd.Timestamp(value).strftime("%m/%Y")


def fmt_count(value: Any, lang: str) -> str:
    """A whole number with thousands separators (1.234 in Vietnamese)."""
    return charts.format_number(0 if _missing(value) else value, lang, decimals=0)


def fmt_pct(value: Any, lang: str) -> str:
    """A percentage with one decimal, as the KPI cards show it: 95,9% (vi); "—" when missing."""
    if _missing(value):
        return "—"
    text = f"{float(value):,.1f}"
    if lang != "en":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text + "%"


def _pct(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def _as_date(value: Any) -> dt.date | None:
    return None if _missing(value) else pd.Timestamp(value).date()


def column_label(name: str, lang: str) -> str:
    """The catalogue label of a query column (``col_<name>``, then ``report_progress_col_``)."""
    if name == "award_code":
        return t("col_award", lang)
    if name == "proposing_unit_name":
        return t("col_proposing_unit", lang)
    for key in (f"col_{name}", f"report_progress_col_{name}"):
        if key in MESSAGES:
            return t(key, lang)
    return name


def labelled_values(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Codes shown as words (statuses, award forms, subject types, periods), as on the pages."""
    out = frame.copy()
    if "status" in out:
        out["status"] = [_label(_STATUS, s, lang) for s in out["status"]]
    if "award_code" in out:
        out["award_code"] = [_label(_AWARD, a, lang) for a in out["award_code"]]
    if "subject_type" in out:
        out["subject_type"] = [_subject(s, lang) for s in out["subject_type"]]
    if "period" in out:
        out["period"] = [fmt_period(p) for p in out["period"]]
    return out


def _label(table: dict, code: Any, lang: str) -> Any:
    item = table.get(code)
    if item is None:
        return code
    return item.label_en if lang == "en" else item.label_vi


def _subject(code: Any, lang: str) -> Any:
    vi, en, _ = ref.SUBJECT_TYPES.get(code, (code, code, ()))
    return en if lang == "en" else vi


def _cell_text(value: Any, lang: str) -> tuple[str, str]:
    """A table cell as shown: (text, CSS class: "num" right-aligned, "nw" kept on one line)."""
    if _missing(value):
        return "", ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return t("report_progress_yes" if value else "report_progress_no", lang), ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        stamp = pd.Timestamp(value)
        if stamp == stamp.normalize():
            return fmt_date(stamp, lang), "nw"
        return fmt_time(stamp, lang), "nw"
    if isinstance(value, dt.date):
        return fmt_date(value, lang), "nw"
    if isinstance(value, int) or type(value).__name__.startswith(("int", "uint")):
        return fmt_count(value, lang), "num"
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        if not math.isfinite(float(value)):
            return str(value), "num"
        return charts.format_number(value, lang, decimals=1), "num"
    return str(value), ""


# ---------------------------------------------------------------------------------------------
# Gathering: the named queries, the KPI numbers and the document.


def _campaign(con: duckdb.DuckDBPyConnection, campaign_code: str) -> dict[str, Any]:
    for row in fetch_rows(con, "metrics/campaigns"):
        if row["campaign_code"] == campaign_code:
            return row
    raise UnknownCampaign(campaign_code)


def _window(campaign: dict[str, Any], as_of: dt.date, lang: str) -> Window:
    """The overview's window line: not started, running (share elapsed) or ended."""
    start, end = _as_date(campaign["start_date"]), _as_date(campaign["end_date"])
    window = {"start": fmt_date(start, lang), "end": fmt_date(end, lang)}
    if start is None or end is None or as_of < start:
        return Window(None, t("window_not_started", lang, **window))
    if as_of <= end:
        total = (end - start).days
        elapsed = (as_of - start).days
        return Window(min(elapsed / total, 1.0) if total else 1.0,
                      t("window_running", lang, **window, elapsed=elapsed,
                        left=(end - as_of).days))
    return Window(1.0, t("window_ended", lang, **window, days=(as_of - end).days))


@dataclass
class _Numbers:
    """The overview's KPI numbers (the same arithmetic as the Tổng quan page)."""

    summary: dict[str, Any]
    target: float
    met: dict[str, int]
    evaluated: dict[str, int]
    results_evaluated: int
    results_expected: int
    awarded: int
    rejected: int

    @property
    def pending(self) -> int:
        return self.summary["nominations_total"] - self.awarded - self.rejected


def _numbers(summary: dict[str, Any], units: pd.DataFrame, target: float) -> _Numbers:
    def total(column: str) -> int:
        return int(units[column].sum()) if len(units) else 0

    by_status = summary["nominations_by_status"]
    return _Numbers(
        summary=summary, target=target,
        met={k: total(f"{k}_met") for k in ("collective", "individual")},
        evaluated={k: total(f"{k}_evaluated") for k in ("collective", "individual")},
        results_evaluated=total("results_evaluated"),
        results_expected=total("results_expected"),
        awarded=by_status.get("da_khen_thuong", 0),
        rejected=by_status.get("khong_khen_thuong", 0))


def _kpi_cards(n: _Numbers, period: dt.date | None, lang: str) -> Kpis:
    s = n.summary
    period_text = t("kpi_period", lang, period=fmt_period(period))
    cards = [
        KpiCard(t("kpi_staff_participation", lang), fmt_pct(s["staff_participation_pct"], lang),
                t("kpi_of_target", lang, count=fmt_count(s["staff_registered"], lang),
                  total=fmt_count(s["staff_total"], lang),
                  target=charts.format_number(n.target, lang))),
        KpiCard(t("kpi_unit_participation", lang), fmt_pct(s["unit_participation_pct"], lang),
                t("kpi_count_of", lang, count=fmt_count(s["units_registered"], lang),
                  total=fmt_count(s["units_total"], lang))),
    ]
    for key in ("collective", "individual"):
        cards.append(KpiCard(
            t(f"kpi_{key}", lang), fmt_pct(_pct(n.met[key], n.evaluated[key]), lang),
            f"{fmt_count(n.met[key], lang)}/{fmt_count(n.evaluated[key], lang)} · "
            f"{period_text}"))
    cards.append(KpiCard(
        t("kpi_completeness", lang),
        fmt_pct(_pct(n.results_evaluated, n.results_expected), lang),
        f"{fmt_count(n.results_evaluated, lang)}/{fmt_count(n.results_expected, lang)} · "
        f"{period_text}"))
    cards.append(KpiCard(
        t("kpi_nominations", lang), fmt_count(s["nominations_total"], lang),
        t("kpi_nomination_outcome", lang, awarded=fmt_count(n.awarded, lang),
          rejected=fmt_count(n.rejected, lang), pending=fmt_count(n.pending, lang))))
    return Kpis(tuple(cards))


def _kpi_rows(n: _Numbers, window: Window, period: dt.date | None,
              lang: str) -> list[tuple[str, Any]]:
    """The KPI numbers as (label, value) rows for the XLSX: numbers stay numbers."""
    s = n.summary

    def row(key: str, value: Any) -> tuple[str, Any]:
        return t(f"report_progress_kpi_{key}", lang), value

    return [
        row("window", window.text),
        row("staff_pct", s["staff_participation_pct"]),
        row("staff_registered", s["staff_registered"]),
        row("staff_total", s["staff_total"]),
        row("target", n.target),
        row("unit_pct", s["unit_participation_pct"]),
        row("units_registered", s["units_registered"]),
        row("units_total", s["units_total"]),
        row("period", fmt_period(period)),
        row("collective_pct", _pct(n.met["collective"], n.evaluated["collective"])),
        row("collective_met", n.met["collective"]),
        row("collective_evaluated", n.evaluated["collective"]),
        row("individual_pct", _pct(n.met["individual"], n.evaluated["individual"])),
        row("individual_met", n.met["individual"]),
        row("individual_evaluated", n.evaluated["individual"]),
        row("completeness_pct", _pct(n.results_evaluated, n.results_expected)),
        row("results_evaluated", n.results_evaluated),
        row("results_expected", n.results_expected),
        row("nominations", s["nominations_total"]),
        row("awarded", n.awarded),
        row("pending", n.pending),
        row("rejected", n.rejected),
    ]


def _attention(units: pd.DataFrame) -> pd.DataFrame:
    """The five units with the lowest completeness or fulfilment (as on the overview)."""
    worst = units[["completeness_pct", "individual_fulfilment_pct",
                   "collective_fulfilment_pct"]].min(axis=1, skipna=True).fillna(-1)
    ranked = units.assign(_worst=worst).sort_values(["_worst", "unit_code"], kind="stable")
    return ranked.head(5)[ATTENTION_COLUMNS]


def _criteria_texts(*frames: pd.DataFrame) -> pd.DataFrame:
    rows = pd.concat([f[["criterion_code", "criterion_name"]] for f in frames],
                     ignore_index=True)
    return rows.drop_duplicates("criterion_code").reset_index(drop=True)


def build_report(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
                 unit_codes: list[str] | None, lang: str = "vi", *,
                 now: dt.datetime | None = None) -> ProgressReport:
    """Run the named queries for one campaign, scope and date and lay out the document."""
    code = campaign_code.strip().upper()
    units_filter = [u.strip().upper() for u in unit_codes if u.strip()] if unit_codes else None
    units_filter = units_filter or None
    campaign = _campaign(con, code)
    generated = now or dt.datetime.now()
    period = _as_date(fetch_rows(con, "metrics/evaluation_period", campaign_code=code,
                                 as_of=as_of)[0]["period"])
    params = {"campaign_code": code, "as_of": as_of, "unit_codes": units_filter}

    def query(name: str, **extra: Any) -> pd.DataFrame:
        return fetch_df(con, name, **params, **extra)

    units = query("metrics/unit_metrics", period=period)
    by_status = query("metrics/nominations_by_status")
    summary = build_summary_from_frames(
        code, as_of, period, totals=query("metrics/participation_totals"), units=units,
        by_status=by_status, by_award=query("metrics/nominations_by_award"))
    target = float(campaign.get("target_participation_pct") or 100)
    numbers = _numbers(summary, units, target)
    window = _window(campaign, as_of, lang)

    unregistered = query("marts/unregistered_staff")
    if period is not None:
        collective = query("marts/criteria_fulfilment", period=period, subject_type="tap_the")
        individual = query("marts/criteria_fulfilment", period=period, subject_type="ca_nhan")
        missing = query("marts/missing_evaluations", period=period)
    else:
        collective = individual = pd.DataFrame(columns=CRITERIA_COLUMNS)
        missing = pd.DataFrame(columns=["unit_code", "unit_name", "subject_type",
                                        "subject_code", "subject_name", "results_expected",
                                        "results_evaluated"])
    nominations = query("marts/nomination_list")
    nomination_table = nominations[NOMINATION_COLUMNS]

    period_text = fmt_period(period)
    criteria_blocks: tuple[Block, ...] = (Note(t("no_period", lang)),)
    if period is not None:
        criteria_blocks = (
            *(Chart(t("report_progress_heatmap", lang, subject=t(f"subject_{s}", lang),
                      period=period_text), charts.criteria_heatmap(frame, lang=lang))
              for s, frame in (("tap_the", collective), ("ca_nhan", individual))),
            Heading(t("criteria_list", lang)),
            Table(_criteria_texts(collective, individual)),
            Chart(t("heading_completeness", lang), charts.completeness_by_unit(units, lang=lang)),
            Heading(t("heading_missing", lang, period=period_text)),
            *((Note(t("all_submitted", lang)),) if missing.empty else (
                Note(t("report_progress_missing_count", lang, n=fmt_count(len(missing), lang))),
                Table(missing))),
        )
    nomination_blocks: tuple[Block, ...] = (Note(t("no_nominations", lang)),)
    if not nominations.empty:
        window_dates = (_as_date(campaign["start_date"]), _as_date(campaign["end_date"]))
        nomination_blocks = (
            Chart(t("heading_pipeline", lang), charts.nomination_pipeline(by_status, lang=lang)),
            Chart(t("heading_status_weekly", lang),
                  charts.nomination_status_weekly(query("marts/nomination_status_weekly"),
                                                  window=window_dates, lang=lang)),
            Chart(t("heading_award_status", lang),
                  charts.nominations_award_status(query("marts/nominations_award_status"),
                                                  lang=lang)),
            Chart(t("heading_stage_durations", lang),
                  charts.stage_durations(query("marts/stage_durations"), lang=lang)),
            Heading(t("heading_nomination_list", lang)),
            Note(t("report_progress_nomination_count", lang,
                   n=fmt_count(len(nominations), lang))),
            Table(nomination_table),
        )
    sections = [
        Section("tong-quan", t("page_overview", lang), (
            window,
            _kpi_cards(numbers, period, lang),
            Chart(t("heading_trend", lang),
                  charts.fulfilment_trend(query("marts/fulfilment_trend"), lang=lang)),
            Heading(t("heading_attention", lang)),
            *((Note(t("no_period", lang)),) if period is None or units.empty else (
                Note(t("attention_caption", lang, period=period_text)),
                Table(_attention(units)))),
        )),
        Section("tham-gia", t("page_participation", lang), (
            Chart(t("heading_participation_by_unit", lang),
                  charts.participation_by_unit(units, target_pct=target, lang=lang)),
            Table(units[UNIT_COLUMNS]),
            Chart(t("heading_registrations_over_time", lang),
                  charts.registrations_over_time(query("marts/registrations_over_time"),
                                                 target_pct=target, lang=lang)),
            Chart(t("heading_breakdown", lang),
                  charts.participation_breakdown(query("marts/participation_breakdown"),
                                                 lang=lang)),
            Heading(t("heading_unregistered", lang)),
            *((Note(t("all_registered", lang)),) if unregistered.empty else (
                Note(t("unregistered_caption", lang, n=fmt_count(len(unregistered), lang))),
                Table(unregistered))),
        )),
        Section("tieu-chi", t("page_criteria", lang), criteria_blocks),
        Section("khen-thuong", t("page_nominations", lang), nomination_blocks),
    ]

    units_text = ", ".join(units_filter) if units_filter else t("report_progress_all_units",
                                                                lang)
    if units_filter:
        names = dict(zip(units["unit_code"], units["unit_name"], strict=True))
        units_text = ", ".join(f"{c} — {names[c]}" if c in names else c for c in units_filter)
    header = [
        t("report_progress_units", lang, units=units_text),
        t("report_progress_as_of", lang, date=fmt_date(as_of, lang)) + " · "
        + t("report_progress_period", lang,
            period=period_text if period else t("report_progress_no_period", lang)),
        t("report_progress_source", lang, file=campaign.get("file_name") or "—",
          time=fmt_time(campaign.get("imported_at"), lang)),
        t("report_progress_generated", lang, time=fmt_time(generated, lang)),
    ]
    filters = [
        t("export_filter_campaign", lang, value=f"{code} · {campaign['campaign_name']}"),
        t("export_filter_units", lang, value=units_text),
        t("export_filter_as_of", lang, value=fmt_date(as_of, lang)),
        t("export_filter_period", lang, value=period_text),
        t("export_generated", lang, value=fmt_time(generated, lang)),
    ]
    by_status_table = by_status[["status", "nominations"]]
    sheets = [
        ("participation", units[UNIT_COLUMNS]),
        ("unregistered", unregistered),
        ("collective", collective[CRITERIA_COLUMNS]),
        ("individual", individual[CRITERIA_COLUMNS]),
        ("completeness", units[COMPLETENESS_COLUMNS]),
        ("missing", missing),
        ("by_status", by_status_table),
        ("nominations", nomination_table),
    ]
    return ProgressReport(
        lang=lang, campaign_code=code, campaign_name=str(campaign["campaign_name"]),
        as_of=as_of, period=period, unit_codes=units_filter, generated_at=generated,
        header_lines=header, filter_lines=filters,
        kpi_rows=_kpi_rows(numbers, window, period, lang), sections=sections, sheets=sheets)


# ---------------------------------------------------------------------------------------------
# HTML (interactive and static).

FONT_STACK = 'Inter, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif'
CSS = """
:root { --ink: #1F2933; --muted: #5B6770; --line: #D5DBE1; --accent: #3B6E9E;
        --head: #EEF3F8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: FONT_STACK;
       color: var(--ink); margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px;
       font-size: 15px; line-height: 1.45; background: #fff; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.kind { font-size: 13px; letter-spacing: .08em; color: var(--accent); font-weight: 700; }
h1 { font-size: 26px; margin: 4px 0 8px; }
.meta { list-style: none; margin: 0; padding: 0; color: var(--muted); font-size: 14px; }
.meta li { margin: 2px 0; }
.meta li.as-of { color: var(--ink); font-weight: 600; }
nav.contents { margin: 14px 0 0; font-size: 14px; }
nav.contents a { color: var(--accent); margin-right: 18px; text-decoration: none; }
h2 { font-size: 21px; margin: 34px 0 10px; padding-bottom: 4px;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 6px; break-after: avoid; page-break-after: avoid; }
p.note { color: var(--muted); margin: 4px 0 8px; }
.window { margin: 10px 0 16px; }
.window .bar { height: 10px; background: var(--line); border-radius: 5px; overflow: hidden;
               margin-top: 6px; }
.window .fill { height: 100%; background: var(--accent); }
.kpis { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px;
        margin: 12px 0 8px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
       break-inside: avoid; page-break-inside: avoid; }
.kpi .label { font-size: 13px; color: var(--muted); }
.kpi .value { font-size: 28px; font-weight: 700; margin: 2px 0; }
.kpi .detail { font-size: 13px; color: var(--muted); }
figure.chart { margin: 0 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure.chart h3 { margin-bottom: 4px; }
figure.chart img { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 18px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left;
         vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nw { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer.report { margin-top: 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.contents { display: none; }
  section.page { break-before: page; page-break-before: always; }
  section.page:first-of-type { break-before: auto; page-break-before: auto; }
  h2 { margin-top: 0; }
  .kpi .value { font-size: 20pt; }
  table { font-size: 9pt; }
  table.wide { font-size: 8pt; }
  th, td { padding: 3px 5px; }
  footer.report { display: none; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONT_STACK", FONT_STACK)


def _page_css(lang: str) -> str:
    """Page numbers in the bottom margin of the printed pages ("Trang 2/7")."""
    word = t("report_progress_page", lang).replace("\\", "").replace('"', "")
    return ('@page { @bottom-right { content: "' + word + ' " counter(page) "/" counter(pages);'
            f" font-family: {FONT_STACK}; font-size: 8pt; color: #5B6770; }} }}\n")


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def table_html(frame: pd.DataFrame, lang: str) -> str:
    """A labelled table: catalogue column names, words for codes, Vietnamese numbers/dates."""
    shown = labelled_values(frame, lang)
    head = "".join(f"<th>{_esc(column_label(c, lang))}</th>" for c in frame.columns)
    codes = [str(c).endswith("_code") and c != "award_code" for c in frame.columns]
    rows = []
    for values in shown.itertuples(index=False, name=None):
        cells = []
        for value, is_code in zip(values, codes, strict=True):
            text, css = _cell_text(value, lang)
            css = css or ("nw" if is_code else "")
            cells.append(f'<td class="{css}">{_esc(text)}</td>' if css
                         else f"<td>{_esc(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    wide = ' class="wide"' if len(frame.columns) >= WIDE_TABLE_COLUMNS else ""
    return (f"<table{wide}><thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>")


def _block_html(block: Block, lang: str, chart_html: Callable[[go.Figure], str]) -> str:
    if isinstance(block, Heading):
        return f"<h3>{_esc(block.text)}</h3>"
    if isinstance(block, Note):
        return f'<p class="note">{_esc(block.text)}</p>'
    if isinstance(block, Chart):
        return (f'<figure class="chart"><h3>{_esc(block.title)}</h3>\n'
                f"{chart_html(block.figure)}</figure>")
    if isinstance(block, Table):
        return table_html(block.frame, lang)
    if isinstance(block, Kpis):
        cards = "".join(
            f'<div class="kpi"><div class="label">{_esc(c.label)}</div>'
            f'<div class="value">{_esc(c.value)}</div>'
            f'<div class="detail">{_esc(c.detail)}</div></div>' for c in block.cards)
        return f'<div class="kpis">{cards}</div>'
    if isinstance(block, Window):
        bar = ("" if block.fraction is None else
               f'<div class="bar"><div class="fill" style="width:'
               f'{100 * block.fraction:.1f}%"></div></div>')
        return f'<div class="window">{_esc(block.text)}{bar}</div>'
    raise TypeError(f"unknown block {block!r}")


def render_html(report: ProgressReport, chart_html: Callable[[go.Figure], str]) -> str:
    """The document as one HTML page; ``chart_html`` turns each figure into its markup."""
    lang = report.lang
    sections = []
    contents = []
    for number, section in enumerate(report.sections, start=1):
        title = t("report_progress_section", lang, number=number, title=section.title)
        contents.append(f'<a href="#{section.anchor}">{_esc(title)}</a>')
        body = "\n".join(_block_html(b, lang, chart_html) for b in section.blocks)
        sections.append(f'<section class="page" id="{section.anchor}">\n'
                        f"<h2>{_esc(title)}</h2>\n{body}\n</section>")
    meta = "".join(
        f'<li class="as-of">{_esc(line)}</li>' if i == 1 else f"<li>{_esc(line)}</li>"
        for i, line in enumerate(report.header_lines))
    campaign = t("report_progress_campaign", lang, name=report.campaign_name,
                 code=report.campaign_code)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "vi"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(report.title)}</title>\n"
        f"<style>{CSS}{_page_css(lang)}</style>\n</head>\n<body>\n"
        '<header class="report">\n'
        f'<div class="kind">{_esc(t("report_progress_title", lang))}</div>\n'
        f"<h1>{_esc(campaign)}</h1>\n"
        f'<ul class="meta">{meta}</ul>\n'
        f'<nav class="contents"><b>{_esc(t("report_progress_contents", lang))}:</b> '
        f'{"".join(contents)}</nav>\n</header>\n'
        + "\n".join(sections)
        + f'\n<footer class="report">{_esc(report.title)}</footer>\n</body>\n</html>\n')


def interactive_html(report: ProgressReport) -> str:
    """The HTML with interactive figures: plotly.js embedded once, in the first figure."""
    config = charts.plotly_config(report.lang)
    count = 0

    def chart_html(fig: go.Figure) -> str:
        nonlocal count
        count += 1
        return fig.to_html(full_html=False, include_plotlyjs=count == 1, include_mathjax=False,
                           config=config, div_id=f"figure-{count}", default_width="100%",
                           default_height=f"{fig.layout.height or DEFAULT_CHART_HEIGHT}px")

    return render_html(report, chart_html)


def _chart_height(fig: go.Figure) -> int:
    return int(fig.layout.height or DEFAULT_CHART_HEIGHT)


def figures_png(figures: Sequence[go.Figure], width: int = STATIC_WIDTH_PX,
                scale: float = STATIC_SCALE) -> list[bytes]:
    """The figures as PNG images, rendered by kaleido in one browser start (no MathJax)."""
    if not figures:
        return []
    if CHROMIUM.exists():
        os.environ.setdefault("BROWSER_PATH", str(CHROMIUM))
    import kaleido

    with tempfile.TemporaryDirectory(prefix="thidua-figures-") as tmp:
        paths = [Path(tmp) / f"figure-{i}.png" for i in range(len(figures))]
        specs = [{"fig": fig.to_dict(), "path": path,
                  "opts": {"format": "png", "width": width, "height": _chart_height(fig),
                           "scale": scale}}
                 for fig, path in zip(figures, paths, strict=True)]
        kaleido.write_fig_from_object_sync(specs, kopts={"mathjax": False},
                                           cancel_on_error=True)
        return [path.read_bytes() for path in paths]


def static_html(report: ProgressReport, images: Sequence[bytes] | None = None) -> str:
    """The HTML with the figures as embedded PNG images (the PDF's source)."""
    pngs = list(images) if images is not None else figures_png(report.figures)
    figures = iter(pngs)
    alt = iter(b.title for s in report.sections for b in s.blocks if isinstance(b, Chart))

    def chart_html(_fig: go.Figure) -> str:
        data = base64.b64encode(next(figures)).decode("ascii")
        return f'<img alt="{_esc(next(alt))}" src="data:image/png;base64,{data}">'

    return render_html(report, chart_html)


def _require_chromium() -> Path:
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"The PDF report is printed by Chromium, which is not installed ({CHROMIUM} is "
            "missing): install Debian's `chromium` package (sudo apt-get install chromium), "
            "or choose --format html or xlsx.")
    return CHROMIUM


def print_pdf(page_html: str, timeout_s: float = PDF_TIMEOUT_S) -> bytes:
    """``page_html`` printed to PDF by headless Chromium (A4 from the page's CSS)."""
    chromium = _require_chromium()
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as tmp:
        folder = Path(tmp)
        source, target = folder / "report.html", folder / "report.pdf"
        source.write_text(page_html, encoding="utf-8")
        command = [str(chromium), *CHROMIUM_ARGS, f"--user-data-dir={folder / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RuntimeError(f"Chromium did not print the PDF within {timeout_s:.0f} s") \
                from None
        if not target.exists() or target.stat().st_size == 0:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"Chromium did not write the PDF (exit {process.returncode}): "
                               + " | ".join(tail))
        return target.read_bytes()


# ---------------------------------------------------------------------------------------------
# XLSX.


class _XlsxFormats:
    """The cell formats of ``thidua.documents.exports.to_xlsx_bytes``."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.note = workbook.add_format({"italic": True, "font_color": "#444444"})
        self.header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7",
                                           "text_wrap": True, "valign": "top", "border": 1})
        self.date = workbook.add_format({"num_format": DATE_FORMAT_XLSX, "align": "left"})
        self.datetime = workbook.add_format({"num_format": DATETIME_FORMAT_XLSX,
                                             "align": "left"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})


def _write_sheet(workbook: xlsxwriter.Workbook, formats: _XlsxFormats, name: str, title: str,
                 filter_lines: list[str], frame: pd.DataFrame, names: list[str],
                 lang: str) -> None:
    """One table under its title and the applied filters, header frozen, widths to content."""
    sheet = workbook.add_worksheet(_sheet_name(name))
    sheet.write_string(0, 0, safe_cell(title), formats.title)
    for i, line in enumerate(filter_lines, start=1):
        sheet.write_string(i, 0, safe_cell(line), formats.note)
    header_row = len(filter_lines) + 2
    widths = [max(_XLSX_MIN_WIDTH, min(_XLSX_MAX_WIDTH, max((len(w) for w in n.split()),
                                                            default=0))) for n in names]
    for col, label in enumerate(names):
        sheet.write_string(header_row, col, safe_cell(label), formats.header)
    needs_wrap = [False] * len(names)
    for col in range(frame.shape[1]):
        for offset, raw in enumerate(frame.iloc[:, col].tolist()):
            row, value = header_row + 1 + offset, _plain(raw)
            if value is None:
                continue
            if isinstance(value, bool):
                value = t("report_progress_yes" if value else "report_progress_no", lang)
                sheet.write_string(row, col, value)
            elif isinstance(value, dt.datetime):
                is_day = value.time() == dt.time(0) and value.tzinfo is None
                sheet.write_datetime(row, col, value, formats.date if is_day
                                     else formats.datetime)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, col, value, formats.date)
            elif isinstance(value, int | float) and math.isfinite(value):
                sheet.write_number(row, col, value)
            else:
                value = safe_cell(str(value))
                sheet.write_string(row, col, value)
            width = _shown_width(value) + 2
            needs_wrap[col] = needs_wrap[col] or width > _XLSX_MAX_WIDTH
            widths[col] = max(widths[col], min(_XLSX_MAX_WIDTH, width))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width, formats.wrap if needs_wrap[col] else None)
    if names:
        sheet.autofilter(header_row, 0, header_row + len(frame), len(names) - 1)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)


def render_xlsx(report: ProgressReport) -> bytes:
    """The tables as a workbook: the KPIs first (two columns), then one sheet per table."""
    lang = report.lang
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "remove_timezone": True})
    formats = _XlsxFormats(workbook)

    def title(key: str) -> str:
        return t("export_title", lang, table=t(f"report_progress_sheet_{key}", lang),
                 campaign=report.campaign_code)

    kpis = pd.DataFrame({"kpi": [label for label, _ in report.kpi_rows],
                         "value": pd.Series([v for _, v in report.kpi_rows], dtype=object)})
    _write_sheet(workbook, formats, t("report_progress_sheet_kpis", lang), title("kpis"),
                 report.filter_lines, kpis,
                 [t("report_progress_col_kpi", lang), t("report_progress_col_value", lang)],
                 lang)
    for key, frame in report.sheets:
        _write_sheet(workbook, formats, t(f"report_progress_sheet_{key}", lang), title(key),
                     report.filter_lines, labelled_values(frame, lang),
                     [column_label(c, lang) for c in frame.columns], lang)
    workbook.close()
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Entry points.


def _check_format(fmt: str) -> str:
    fmt = fmt.strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def progress_report_bytes(con: duckdb.DuckDBPyConnection, fmt: str, campaign_code: str,
                          as_of: dt.date, unit_codes: list[str] | None, lang: str = "vi", *,
                          now: dt.datetime | None = None) -> bytes:
    """The progress report of one campaign, unit scope and as-of date as html, pdf or xlsx."""
    fmt = _check_format(fmt)
    if fmt == "pdf":
        _require_chromium()  # fail before the queries and the figures
    return render_report(build_report(con, campaign_code, as_of, unit_codes, lang, now=now), fmt)


def render_report(report: ProgressReport, fmt: str) -> bytes:
    """A built report as html, pdf or xlsx bytes; needs no database connection."""
    fmt = _check_format(fmt)
    if fmt == "html":
        return interactive_html(report).encode("utf-8")
    if fmt == "pdf":
        return print_pdf(static_html(report))
    return render_xlsx(report)


def write_progress_report(con: duckdb.DuckDBPyConnection, out: Path, fmt: str,
                          campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                          lang: str = "vi") -> Path:
    """Write the report to ``out`` (parent folders created); returns ``out``."""
    data = progress_report_bytes(con, fmt, campaign_code, as_of, unit_codes, lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


def default_name(campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                 fmt: str) -> str:
    """``bao_cao_tien_do_<campaign>[_<units>]_<yyyy-mm-dd>.<fmt>``, ASCII only.

    Units: their codes joined by hyphens (up to three), ``<n>-don-vi`` for more; nothing
    without a unit filter.
    """
    codes = [c for c in dict.fromkeys(slugify(u, lower=False) for u in unit_codes or []) if c]
    parts = ["bao_cao_tien_do", slugify(campaign_code, lower=False) or "dot"]
    if codes:
        parts.append("-".join(codes) if len(codes) <= 3 else f"{len(codes)}-don-vi")
    parts.append(pd.Timestamp(as_of).date().isoformat())
    return "_".join(parts) + "." + (slugify(fmt.lstrip(".")) or "html")
