"""Pieces every page shares: the data line, KPI cards, labelled tables and their downloads."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from thidua.catalogue import MESSAGES, t
from thidua.contract import reference as ref
from thidua.metrics.filters import Filters

_STATUS = {s.code: s for s in ref.STATUSES}
_AWARD = {a.code: a for a in ref.AWARD_FORMS}


def as_date(value: object) -> dt.date | None:
    """A DuckDB DATE as pandas hands it over (date, Timestamp or NaT) as a ``date``."""
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def fmt_date(value: object, lang: str) -> str:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return "—"
    day = pd.Timestamp(value).date()
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def fmt_pct(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "—"
    text = f"{float(value):.1f}"
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def fmt_period(value: object) -> str:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return "—"
    return pd.Timestamp(value).strftime("%m/%Y")


def status_label(code: str, lang: str) -> str:
    status = _STATUS.get(code)
    return (status.label_en if lang == "en" else status.label_vi) if status else code


def award_label(code: str, lang: str) -> str:
    award = _AWARD.get(code)
    return (award.label_en if lang == "en" else award.label_vi) if award else code


def subject_label(code: str, lang: str) -> str:
    vi, en, _ = ref.SUBJECT_TYPES.get(code, (code, code, ()))
    return en if lang == "en" else vi


def empty_state(lang: str, key: str = "empty_state") -> None:
    st.info(t(key, lang), icon=":material/info:")


def data_line(campaign: dict, filters: Filters, lang: str) -> None:
    """'Số liệu đến ngày … · nhập lúc … từ tệp …' under every page title."""
    imported = campaign.get("imported_at")
    imported_text = (pd.Timestamp(imported).strftime(
                         "%H:%M %d/%m/%Y" if lang == "vi" else "%Y-%m-%d %H:%M")
                     if imported is not None and not pd.isna(imported) else "—")
    line = t("data_line", lang, as_of=fmt_date(filters.as_of, lang),
             imported_at=imported_text, file=campaign.get("file_name") or "—")
    units = ", ".join(filters.units) if filters.units else t("filter_units_all", lang)
    st.caption(f"{line} · {t('data_line_units', lang, units=units)}")


def kpi(column, label: str, value: str, detail: str | None = None) -> None:
    column.metric(label, value, help=None, border=True)
    if detail:
        column.caption(detail)


def label_columns(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Readable values (statuses, awards, subjects, results, dates) under catalogue labels."""
    out = df.copy()
    if "status" in out:
        out["status"] = [status_label(s, lang) for s in out["status"]]
    if "award_code" in out:
        out["award_code"] = [award_label(a, lang) for a in out["award_code"]]
    if "subject_type" in out:
        out["subject_type"] = [subject_label(s, lang) for s in out["subject_type"]]
    if "result" in out:
        out["result"] = [t("result_met", lang) if r is True else
                         t("result_not_met", lang) if r is False else "" for r in out["result"]]
    if "period" in out:
        out["period"] = [fmt_period(p) for p in out["period"]]
    names = {c: t(f"col_{c}", lang) for c in out.columns if f"col_{c}" in MESSAGES}
    names["award_code"] = t("col_award", lang)
    return out.rename(columns=names)


def show_table(df: pd.DataFrame, lang: str, height: int | None = None) -> None:
    """A sortable table with Vietnamese (or English) column labels and dd/mm/yyyy dates."""
    labelled = label_columns(df, lang)
    config = {}
    for name in labelled.columns:
        series = labelled[name]
        if series.dtype == object and len(series) and isinstance(
                series.dropna().iloc[0] if series.notna().any() else None, dt.date):
            labelled[name] = pd.to_datetime(series)
            config[name] = st.column_config.DateColumn(
                name, format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")
        elif pd.api.types.is_datetime64_any_dtype(series):
            has_time = bool((series.dropna().dt.normalize() != series.dropna()).any())
            config[name] = (
                st.column_config.DatetimeColumn(
                    name, format="HH:mm DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD HH:mm")
                if has_time else st.column_config.DateColumn(
                    name, format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"))
    st.dataframe(labelled, hide_index=True, column_config=config,
                 height=height if height and len(labelled) > 15 else "auto")


def page_start(title_key: str) -> tuple[Filters, dict]:
    """Title, data line and the current filters; stops the page when there is no data yet."""
    filters: Filters = st.session_state.get("filters") or Filters()
    lang = filters.lang
    st.title(t(title_key, lang))
    campaigns = st.session_state.get("campaigns")
    if not filters.campaign or campaigns is None or campaigns.empty:
        if title_key != "page_import":
            st.warning(t("no_database", lang), icon=":material/database:")
            st.stop()
        return filters, {}
    campaign = campaigns.set_index("campaign_code").loc[filters.campaign].to_dict()
    campaign["campaign_code"] = filters.campaign
    data_line(campaign, filters, lang)
    return filters, campaign


def chart(fig) -> None:
    """A Plotly figure with the shared configuration."""
    from thidua.charts import PLOTLY_CONFIG

    st.plotly_chart(fig, config=PLOTLY_CONFIG, theme=None)
