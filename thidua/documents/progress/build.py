"""The progress report laid out: four sections mirroring the dashboard's pages, and the sheets.

(1) Tổng quan — where the campaign stands in its window, the KPI cards, the fulfilment trend,
the units needing attention; (2) Tham gia — participation by unit (chart and table),
registrations over time, gender × staff type, staff not yet registered; (3) Tiêu chí — the
collective and individual heatmaps of the period, the criteria texts, completeness per unit and
who has not submitted; (4) Khen thưởng — pipeline, weekly status, award form × status, days per
stage and the nominations table. Numbers come from ``gather`` (the headline figures from
``kpis.headline``), words from the catalogue, formatting from :mod:`thidua.formats`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from thidua import charts, formats
from thidua.catalogue import t
from thidua.documents.progress.gather import (
    COMPLETENESS_COLUMNS,
    CRITERIA_COLUMNS,
    NOMINATION_COLUMNS,
    UNIT_COLUMNS,
    ReportData,
    gather,
)
from thidua.documents.progress.model import (
    Block,
    Chart,
    Heading,
    KpiCard,
    Kpis,
    Note,
    ProgressReport,
    Section,
    Table,
    Window,
)
from thidua.metrics.kpis import CampaignKpis


def window_block(data: ReportData, lang: str) -> Window:
    """The overview's window line: not started, running (share elapsed) or ended."""
    start, end = data.window
    as_of = data.as_of
    dates = {"start": formats.date(start, lang), "end": formats.date(end, lang)}
    if start is None or end is None or as_of < start:
        return Window(None, t("window_not_started", lang, **dates))
    if as_of <= end:
        total, elapsed = (end - start).days, (as_of - start).days
        return Window(min(elapsed / total, 1.0) if total else 1.0,
                      t("window_running", lang, **dates, elapsed=elapsed,
                        left=(end - as_of).days))
    return Window(1.0, t("window_ended", lang, **dates, days=(as_of - end).days))


def _of(done: int, total: int, lang: str) -> str:
    return f"{formats.count(done, lang)}/{formats.count(total, lang)}"


def kpi_cards(k: CampaignKpis, period: dt.date | None, lang: str) -> Kpis:
    """The overview's six KPI cards."""
    period_text = t("kpi_period", lang, period=formats.month(period, lang))
    count = formats.count
    return Kpis((
        KpiCard(t("kpi_staff_participation", lang), formats.pct(k.staff_participation_pct, lang),
                t("kpi_of_target", lang, count=count(k.staff_registered, lang),
                  total=count(k.staff_total, lang),
                  target=formats.number(k.target_participation_pct, lang))),
        KpiCard(t("kpi_unit_participation", lang), formats.pct(k.unit_participation_pct, lang),
                t("kpi_count_of", lang, count=count(k.units_registered, lang),
                  total=count(k.units_total, lang))),
        KpiCard(t("kpi_collective", lang), formats.pct(k.collective_fulfilment_pct, lang),
                f"{_of(k.collective_met, k.collective_evaluated, lang)} · {period_text}"),
        KpiCard(t("kpi_individual", lang), formats.pct(k.individual_fulfilment_pct, lang),
                f"{_of(k.individual_met, k.individual_evaluated, lang)} · {period_text}"),
        KpiCard(t("kpi_completeness", lang), formats.pct(k.completeness_pct, lang),
                f"{_of(k.results_evaluated, k.results_expected, lang)} · {period_text}"),
        KpiCard(t("kpi_nominations", lang), count(k.nominations_total, lang),
                t("kpi_nomination_outcome", lang, awarded=count(k.nominations_awarded, lang),
                  rejected=count(k.nominations_not_awarded, lang),
                  pending=count(k.nominations_pending, lang))),
    ))


# The XLSX's KPI rows: catalogue key (report_progress_kpi_<key>) and CampaignKpis field.
_KPI_FIELDS = (
    ("staff_pct", "staff_participation_pct"), ("staff_registered", "staff_registered"),
    ("staff_total", "staff_total"), ("target", "target_participation_pct"),
    ("unit_pct", "unit_participation_pct"), ("units_registered", "units_registered"),
    ("units_total", "units_total"), ("period", None),
    ("collective_pct", "collective_fulfilment_pct"), ("collective_met", "collective_met"),
    ("collective_evaluated", "collective_evaluated"),
    ("individual_pct", "individual_fulfilment_pct"), ("individual_met", "individual_met"),
    ("individual_evaluated", "individual_evaluated"),
    ("completeness_pct", "completeness_pct"), ("results_evaluated", "results_evaluated"),
    ("results_expected", "results_expected"), ("nominations", "nominations_total"),
    ("awarded", "nominations_awarded"), ("pending", "nominations_pending"),
    ("rejected", "nominations_not_awarded"),
)


def kpi_rows(k: CampaignKpis, window: Window, period: dt.date | None,
             lang: str) -> list[tuple[str, Any]]:
    """The KPI numbers as (label, value) rows for the XLSX: numbers stay numbers."""
    rows = [(t("report_progress_kpi_window", lang), window.text)]
    for key, name in _KPI_FIELDS:
        value = formats.month(period, lang) if name is None else getattr(k, name)
        rows.append((t(f"report_progress_kpi_{key}", lang), value))
    return rows


def _criteria_texts(*frames: pd.DataFrame) -> pd.DataFrame:
    rows = pd.concat([f[["criterion_code", "criterion_name"]] for f in frames],
                     ignore_index=True)
    return rows.drop_duplicates("criterion_code").reset_index(drop=True)


def _counted(table: pd.DataFrame, empty_key: str, count_key: str, lang: str) -> tuple[Block, ...]:
    """A note "n rows" and the table, or the empty state's note."""
    if table.empty:
        return (Note(t(empty_key, lang)),)
    return (Note(t(count_key, lang, n=formats.count(len(table), lang))), Table(table))


def overview_section(data: ReportData, window: Window, lang: str) -> Section:
    """Tổng quan: window, KPI cards, fulfilment trend, the units needing attention."""
    attention: tuple[Block, ...] = (Note(t("no_period", lang)),)
    if data.headline.attention:
        attention = (Note(t("attention_caption", lang, period=formats.month(data.period, lang))),
                     Table(data.attention))
    trend = charts.fulfilment_trend(data.frames["fulfilment_trend"], lang=lang)
    return Section("tong-quan", t("page_overview", lang), (
        window, kpi_cards(data.headline.kpis, data.period, lang),
        Chart(t("heading_trend", lang), trend),
        Heading(t("heading_attention", lang)), *attention))


def participation_section(data: ReportData, lang: str) -> Section:
    """Tham gia: by unit (chart and table), over time, gender × staff type, not registered."""
    f = data.frames
    target = data.headline.kpis.target_participation_pct
    return Section("tham-gia", t("page_participation", lang), (
        Chart(t("heading_participation_by_unit", lang),
              charts.participation_by_unit(f["units"], target_pct=target, lang=lang)),
        Table(f["units"][UNIT_COLUMNS]),
        Chart(t("heading_registrations_over_time", lang),
              charts.registrations_over_time(f["registrations_over_time"], target_pct=target,
                                             lang=lang)),
        Chart(t("heading_breakdown", lang),
              charts.participation_breakdown(f["participation_breakdown"], lang=lang)),
        Heading(t("heading_unregistered", lang)),
        *_counted(f["unregistered"], "all_registered", "unregistered_caption", lang)))


def criteria_section(data: ReportData, lang: str) -> Section:
    """Tiêu chí: the heatmaps, the criteria texts, completeness, who has not submitted."""
    title = t("page_criteria", lang)
    if data.period is None:
        return Section("tieu-chi", title, (Note(t("no_period", lang)),))
    f, period = data.frames, formats.month(data.period, lang)
    heatmaps = tuple(
        Chart(t("report_progress_heatmap", lang, subject=t(f"subject_{s}", lang), period=period),
              charts.criteria_heatmap(f[key], lang=lang))
        for s, key in (("tap_the", "collective"), ("ca_nhan", "individual")))
    return Section("tieu-chi", title, (
        *heatmaps,
        Heading(t("criteria_list", lang)),
        Table(_criteria_texts(f["collective"], f["individual"])),
        Chart(t("heading_completeness", lang), charts.completeness_by_unit(f["units"], lang=lang)),
        Heading(t("heading_missing", lang, period=period)),
        *_counted(f["missing"], "all_submitted", "report_progress_missing_count", lang)))


def nominations_section(data: ReportData, lang: str) -> Section:
    """Khen thưởng: pipeline, weekly status, award × status, days per stage, the list."""
    title, f = t("page_nominations", lang), data.frames
    if f["nominations"].empty:
        return Section("khen-thuong", title, (Note(t("no_nominations", lang)),))
    return Section("khen-thuong", title, (
        Chart(t("heading_pipeline", lang), charts.nomination_pipeline(f["by_status"], lang=lang)),
        Chart(t("heading_status_weekly", lang),
              charts.nomination_status_weekly(f["nomination_status_weekly"], window=data.window,
                                              lang=lang)),
        Chart(t("heading_award_status", lang),
              charts.nominations_award_status(f["nominations_award_status"], lang=lang)),
        Chart(t("heading_stage_durations", lang),
              charts.stage_durations(f["stage_durations"], lang=lang)),
        Heading(t("heading_nomination_list", lang)),
        *_counted(f["nominations"][NOMINATION_COLUMNS], "no_nominations",
                  "report_progress_nomination_count", lang)))


def units_text(data: ReportData, lang: str) -> str:
    """The unit filter in words: "KT — Phòng Kinh tế, ..." or all units."""
    if not data.unit_codes:
        return t("report_progress_all_units", lang)
    units = data.frames["units"]
    names = dict(zip(units["unit_code"], units["unit_name"], strict=True))
    return ", ".join(f"{c} — {names[c]}" if c in names else c for c in data.unit_codes)


def header_lines(data: ReportData, generated: dt.datetime, lang: str) -> list[str]:
    """The lines under the title: units, date and period, source file, generation time."""
    period = (formats.month(data.period, lang) if data.period
              else t("report_progress_no_period", lang))
    return [
        t("report_progress_units", lang, units=units_text(data, lang)),
        t("report_progress_as_of", lang, date=formats.date(data.as_of, lang)) + " · "
        + t("report_progress_period", lang, period=period),
        t("report_progress_source", lang, file=data.campaign.get("file_name") or formats.MISSING,
          time=formats.datetime(data.campaign.get("imported_at"), lang)),
        t("report_progress_generated", lang, time=formats.datetime(generated, lang)),
    ]


def filter_lines(data: ReportData, generated: dt.datetime, lang: str) -> list[str]:
    """The applied filters above every sheet of the XLSX."""
    return [
        t("export_filter_campaign", lang,
          value=f"{data.campaign_code} · {data.campaign['campaign_name']}"),
        t("export_filter_units", lang, value=units_text(data, lang)),
        t("export_filter_as_of", lang, value=formats.date(data.as_of, lang)),
        t("export_filter_period", lang, value=formats.month(data.period, lang)),
        t("export_generated", lang, value=formats.datetime(generated, lang)),
    ]


def sheets(data: ReportData) -> list[tuple[str, pd.DataFrame]]:
    """The XLSX's tables after the KPIs: (catalogue key, rows)."""
    f = data.frames
    return [
        ("participation", f["units"][UNIT_COLUMNS]),
        ("unregistered", f["unregistered"]),
        ("collective", f["collective"][CRITERIA_COLUMNS]),
        ("individual", f["individual"][CRITERIA_COLUMNS]),
        ("completeness", f["units"][COMPLETENESS_COLUMNS]),
        ("missing", f["missing"]),
        ("by_status", f["by_status"][["status", "nominations"]]),
        ("nominations", f["nominations"][NOMINATION_COLUMNS]),
    ]


def lay_out(data: ReportData, lang: str, generated: dt.datetime) -> ProgressReport:
    """The document of gathered ``data``: sections, header, filters, KPI rows and sheets."""
    window = window_block(data, lang)
    sections = [overview_section(data, window, lang), participation_section(data, lang),
                criteria_section(data, lang), nominations_section(data, lang)]
    return ProgressReport(
        lang=lang, campaign_code=data.campaign_code,
        campaign_name=str(data.campaign["campaign_name"]), as_of=data.as_of, period=data.period,
        unit_codes=data.unit_codes, generated_at=generated,
        header_lines=header_lines(data, generated, lang),
        filter_lines=filter_lines(data, generated, lang),
        kpi_rows=kpi_rows(data.headline.kpis, window, data.period, lang), sections=sections,
        sheets=sheets(data))


def build_report(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
                 unit_codes: list[str] | None, lang: str = "vi", *,
                 now: dt.datetime | None = None) -> ProgressReport:
    """Run the named queries for one campaign, scope and date and lay out the document."""
    return lay_out(gather(con, campaign_code, as_of, unit_codes), lang, now or dt.datetime.now())
