"""The official list's entry points: the workbook's bytes, a file, and its name."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import duckdb
import xlsxwriter

from thidua.catalogue import t
from thidua.documents.exports import file_day, slugify, units_part
from thidua.documents.official_list.gather import gather, resolve_statuses
from thidua.documents.official_list.layout import (
    COLUMNS,
    DEFAULT_AGENCY,
    FONT,
    ListFormats,
    print_setup,
    write_heading,
    write_signature,
    write_table,
)

AGENCY_ENV = "THIDUA_AGENCY"  # "UBND TỈNH QUẢNG NINH|VĂN PHÒNG"


def agency_lines(setting: str | None = None) -> tuple[str, str]:
    """The issuing body's two lines from ``setting``, else ``$THIDUA_AGENCY``, else the default.

    The two lines are separated by ``|``: ``"UBND TỈNH QUẢNG NINH|VĂN PHÒNG"``; a setting
    without ``|`` names the first line and keeps the default second (``VĂN PHÒNG``).
    """
    text = setting if setting is not None and setting.strip() else os.environ.get(AGENCY_ENV)
    if text is None or not text.strip():
        return DEFAULT_AGENCY
    first, _, second = text.partition("|")
    return (" ".join(first.split()) or DEFAULT_AGENCY[0],
            " ".join(second.split()) or DEFAULT_AGENCY[1])


def default_name(campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                 statuses: list[str] | None) -> str:
    """``danh_sach_de_nghi_khen_thuong_<campaign>[_<units>][_<statuses>]_<yyyy-mm-dd>.xlsx``.

    ASCII only. Units (when filtered): their codes joined by hyphens, ``<n>-don-vi`` beyond
    three. Statuses (when filtered): their codes slugified (``da-khen-thuong``) joined by ``_``,
    ``<n>-trang-thai`` beyond three. Unknown statuses raise ``ValueError``.
    """
    parts = ["danh_sach_de_nghi_khen_thuong", slugify(campaign_code, lower=False) or "dot"]
    units = units_part(unit_codes)
    if units:
        parts.append(units)
    resolved = resolve_statuses(statuses) or []
    if resolved:
        parts.append("_".join(slugify(s) for s in resolved) if len(resolved) <= 3
                     else f"{len(resolved)}-trang-thai")
    parts.append(file_day(as_of))
    return "_".join(parts) + ".xlsx"


def official_list_bytes(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
                        unit_codes: list[str] | None, statuses: list[str] | None,
                        lang: str = "vi", agency: tuple[str, str] | None = None) -> bytes:
    """The official nomination list of ``campaign_code`` as of ``as_of``, as .xlsx bytes.

    ``unit_codes`` limits it to nominations proposed by those units (``None``: all);
    ``statuses`` (codes or labels, see ``resolve_statuses``) to nominations in those statuses
    as of the date (``None``: all). ``lang`` switches the document's words (``vi`` or ``en``);
    ``agency`` is the two lines of the issuing body (the first is written in capitals;
    ``None``: :func:`agency_lines`, from ``$THIDUA_AGENCY`` or the default).
    """
    data = gather(con, campaign_code, as_of, unit_codes, statuses, lang)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "default_format_properties": dict(FONT),
    })
    workbook.set_properties({"title": t("report_list_title", lang), "subject": data.campaign})
    sheet = workbook.add_worksheet(t("report_list_sheet", lang))
    f = ListFormats(workbook)
    for col, (_, width) in enumerate(COLUMNS):
        sheet.set_column(col, col, width)
    row = write_heading(sheet, f, data, agency or agency_lines(), lang)
    row = write_table(sheet, f, row, data, lang)
    print_setup(sheet, write_signature(sheet, f, row, lang), lang)
    workbook.close()
    return buffer.getvalue()


def write_official_list(con: duckdb.DuckDBPyConnection, out: Path, campaign_code: str,
                        as_of: dt.date, unit_codes: list[str] | None,
                        statuses: list[str] | None, lang: str = "vi",
                        agency: tuple[str, str] | None = None) -> Path:
    """Write ``official_list_bytes`` to ``out`` (parent folders created) and return the path."""
    data = official_list_bytes(con, campaign_code, as_of, unit_codes, statuses, lang, agency)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
