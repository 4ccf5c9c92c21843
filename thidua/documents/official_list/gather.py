"""The official list's rows: the nominations of one campaign and date, filtered and grouped.

Rows come from the named query ``marts/nomination_list`` (status as of the date, decision only
when awarded by then). They are grouped by award form in the order of
``reference.AWARD_FORMS``, within a form collectives then individuals, each sorted by name the
Vietnamese way (:func:`name_sort_key`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from thidua import formats
from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.contract.textnorm import fold
from thidua.store.sql import fetch_df, fetch_rows

SUBJECT_ORDER = ("tap_the", "ca_nhan")
Group = tuple[str, list[tuple[str, list[dict[str, Any]]]]]  # (award label, [(subject, rows)])


def resolve_statuses(statuses: Iterable[str] | None, lang: str = "vi") -> list[str] | None:
    """Status codes for ``statuses`` given as codes or labels, in pipeline order.

    Matching is the loader's: case, diacritics, spaces and punctuation do not matter, and the
    code, the Vietnamese and the English label are all accepted. ``None`` or an empty list means
    no filter (``None``). Unknown values raise ``ValueError`` naming them and the valid ones.
    """
    wanted = [s for s in (statuses or []) if s is not None and str(s).strip()]
    if not wanted:
        return None
    keys: dict[str, str] = {}
    for s in ref.STATUSES:
        for spelling in (s.code, s.label_vi, s.label_en):
            keys[fold(spelling)] = s.code
    unknown = [s for s in wanted if fold(s) not in keys]
    if unknown:
        valid = "; ".join(f"{s.code} ({formats.status_label(s.code, lang)})"
                          for s in ref.STATUSES)
        raise ValueError(t("report_list_unknown_status", lang,
                           values=", ".join(repr(s) for s in unknown), valid=valid))
    codes = {keys[fold(s)] for s in wanted}
    return [code for code in ref.STATUS_CODES if code in codes]


# What an HCQT clerk sends on: past the unit's proposal, not returned, not final.
SENT_ON_STATUSES: tuple[str, ...] = ("hoi_dong", "da_trinh", "trinh_tw")
ALL_STATUSES = ("all", "tatca")  # folded words that ask for every status


def list_statuses(values: Iterable[str] | None, lang: str = "vi") -> list[str] | None:
    """The statuses of the ``thidua report --kind danh-sach`` list asked for with ``values``.

    Nothing asked: :data:`SENT_ON_STATUSES`, the list the Office sends on. ``all`` (or
    ``tất cả``): every status (``None``). Otherwise the codes or labels, as
    :func:`resolve_statuses` reads them.
    """
    wanted = [v for v in (values or []) if v is not None and str(v).strip()]
    if not wanted:
        return list(SENT_ON_STATUSES)
    if any(fold(v) in ALL_STATUSES for v in wanted):
        return None
    return resolve_statuses(wanted, lang)


def name_sort_key(name: object) -> tuple[str, str]:
    """Sort key of a name: letters without diacritics first (Đỗ sorts with D), then as written."""
    text = unicodedata.normalize("NFC", "" if name is None else str(name)).strip()
    base = text.lower().replace("đ", "d")
    base = "".join(ch for ch in unicodedata.normalize("NFD", base)
                   if unicodedata.category(ch) != "Mn")
    return (" ".join(base.split()), text)


def text(value: Any) -> str | None:
    """A cell's text, or None when missing or blank."""
    if formats.is_missing(value):
        return None
    return str(value).strip() or None


@dataclass
class ListData:
    """What the list shows: the campaign, the filters applied and the rows grouped."""

    campaign: str
    as_of: dt.date
    unit_names: list[str] | None
    statuses: list[str] | None
    total: int
    groups: list[Group]


def _campaign_name(con: duckdb.DuckDBPyConnection, campaign_code: str) -> str:
    for row in fetch_rows(con, "metrics/campaigns"):
        if row["campaign_code"] == campaign_code:
            return text(row["campaign_name"]) or campaign_code
    return campaign_code


def _unit_names(con: duckdb.DuckDBPyConnection, campaign_code: str,
                unit_codes: list[str]) -> list[str]:
    names = {r["unit_code"]: r["unit_name"] for r in fetch_rows(
        con, "marts/table_units", campaign_code=campaign_code, unit_codes=unit_codes)}
    return [names.get(code) or code for code in unit_codes]


def _subgroups(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    out = []
    for subject in SUBJECT_ORDER:
        chosen = [r for r in rows if r["subject_type"] == subject]
        if chosen:
            chosen.sort(key=lambda r: (*name_sort_key(r["subject_name"]),
                                       str(r["nomination_code"])))
            out.append((subject, chosen))
    return out


def groups(frame: pd.DataFrame, lang: str) -> list[Group]:
    """[(award label, [(subject type, rows sorted by name)])] in the reference order."""
    label_col = "award_label_en" if lang == "en" else "award_label_vi"
    records = frame.to_dict("records")
    out = []
    for award in ref.AWARD_FORMS:
        in_award = [r for r in records if r["award_code"] == award.code]
        if in_award:
            label = text(in_award[0][label_col]) or formats.award_label(award.code, lang)
            out.append((label, _subgroups(in_award)))
    return out


def gather(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
           unit_codes: list[str] | None, statuses: list[str] | None, lang: str) -> ListData:
    """The rows of the list, filtered by proposing units and statuses as of the date."""
    codes = resolve_statuses(statuses, lang)
    units = [u.strip().upper() for u in unit_codes] if unit_codes else None
    frame = fetch_df(con, "marts/nomination_list", campaign_code=campaign_code, as_of=as_of,
                     unit_codes=units)
    if codes is not None:
        frame = frame[frame["status"].isin(codes)]
    return ListData(campaign=_campaign_name(con, campaign_code), as_of=as_of,
                    unit_names=_unit_names(con, campaign_code, units) if units else None,
                    statuses=codes, total=len(frame), groups=groups(frame, lang))
