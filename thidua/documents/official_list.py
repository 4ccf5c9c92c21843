"""The official nomination list (*Danh sách đề nghị khen thưởng*) as an A4 landscape workbook.

The layout is the one Vietnamese offices file with a submission (*tờ trình*): the agency block
top left and the national motto top right, a centred title, the campaign and the date the figures
are for, then one table grouped by award form (in the order of ``reference.AWARD_FORMS``, Roman
numerals), within a form collectives then individuals (Arabic numerals, STT restarting in each),
a subtotal per form and a grand total, and a signature block. The table's header repeats on every
printed page, the sheet prints one page wide with "Trang x/y" in the footer.

Rows come from the named query ``pages/nomination_list`` (status as of the date, decision only
when awarded by then); every text cell goes through ``exports.safe_cell`` and ``write_string``,
so a name typed as a formula stays text. Every word comes from the catalogue (``report_list_*``);
the national motto is always Vietnamese. Nothing here touches Streamlit.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.contract.textnorm import fold
from thidua.documents.exports import safe_cell, slugify
from thidua.store.sql import fetch_df, fetch_rows

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_AGENCY = ("UBND TỈNH", "VĂN PHÒNG")

# The table's columns: catalogue key of the header and width in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("report_list_col_stt", 6),
    ("report_list_col_name", 28),
    ("report_list_col_position", 18),
    ("report_list_col_unit", 24),
    ("report_list_col_achievement", 50),
    ("report_list_col_status", 22),
    ("report_list_col_decision", 16),
)
LAST_COL = len(COLUMNS) - 1
FONT = {"font_name": "Times New Roman", "font_size": 12}
SUBJECT_ORDER = ("tap_the", "ca_nhan")
_TOTAL_WIDTH = sum(width for _, width in COLUMNS)


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
        valid = "; ".join(f"{s.code} ({s.label_en if lang == 'en' else s.label_vi})"
                          for s in ref.STATUSES)
        raise ValueError(t("report_list_unknown_status", lang,
                           values=", ".join(repr(s) for s in unknown), valid=valid))
    codes = {keys[fold(s)] for s in wanted}
    return [code for code in ref.STATUS_CODES if code in codes]


def roman(number: int) -> str:
    """``number`` (1 or more) in Roman numerals: 4 → IV."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def name_sort_key(name: object) -> tuple[str, str]:
    """Sort key of a name: letters without diacritics first (Đỗ sorts with D), then as written."""
    text = unicodedata.normalize("NFC", "" if name is None else str(name)).strip()
    base = text.lower().replace("đ", "d")
    base = "".join(ch for ch in unicodedata.normalize("NFD", base)
                   if unicodedata.category(ch) != "Mn")
    return (" ".join(base.split()), text)


def default_name(campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                 statuses: list[str] | None) -> str:
    """``danh_sach_de_nghi_khen_thuong_<campaign>[_<units>][_<statuses>]_<yyyy-mm-dd>.xlsx``.

    ASCII only. Units (when filtered): their codes joined by hyphens, ``<n>-don-vi`` beyond
    three. Statuses (when filtered): their codes slugified (``da-khen-thuong``) joined by ``_``,
    ``<n>-trang-thai`` beyond three. Unknown statuses raise ``ValueError``.
    """
    parts = ["danh_sach_de_nghi_khen_thuong", slugify(campaign_code, lower=False) or "dot"]
    codes = [c for c in dict.fromkeys(slugify(u, lower=False) for u in unit_codes or []) if c]
    if codes:
        parts.append("-".join(codes) if len(codes) <= 3 else f"{len(codes)}-don-vi")
    resolved = resolve_statuses(statuses) or []
    if resolved:
        parts.append("_".join(slugify(s) for s in resolved) if len(resolved) <= 3
                     else f"{len(resolved)}-trang-thai")
    parts.append(pd.Timestamp(as_of).date().isoformat())
    return "_".join(parts) + ".xlsx"


def _text(value: Any) -> str | None:
    """A cell's text, or None when missing or blank."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def _campaign_name(con: duckdb.DuckDBPyConnection, campaign_code: str) -> str:
    for row in fetch_rows(con, "metrics/campaigns"):
        if row["campaign_code"] == campaign_code:
            return _text(row["campaign_name"]) or campaign_code
    return campaign_code


def _unit_names(con: duckdb.DuckDBPyConnection, campaign_code: str,
                unit_codes: list[str]) -> list[str]:
    names = {r["unit_code"]: r["unit_name"] for r in fetch_rows(
        con, "marts/table_units", campaign_code=campaign_code, unit_codes=unit_codes)}
    return [names.get(code) or code for code in unit_codes]


def _groups(frame: pd.DataFrame, lang: str) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """[(award label, [(subject type, rows sorted by name)])] in the reference order."""
    label_col = "award_label_en" if lang == "en" else "award_label_vi"
    records = frame.to_dict("records")
    groups = []
    for award in ref.AWARD_FORMS:
        in_award = [r for r in records if r["award_code"] == award.code]
        if not in_award:
            continue
        label = _text(in_award[0][label_col]) or (
            award.label_en if lang == "en" else award.label_vi)
        subgroups = []
        for subject in SUBJECT_ORDER:
            rows = [r for r in in_award if r["subject_type"] == subject]
            if rows:
                rows.sort(key=lambda r: (*name_sort_key(r["subject_name"]),
                                         str(r["nomination_code"])))
                subgroups.append((subject, rows))
        groups.append((label, subgroups))
    return groups


class _Formats:
    """The workbook's cell formats, all in Times New Roman (the font of official documents)."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        def add(**props: Any) -> Format:
            return workbook.add_format({**FONT, "valign": "vcenter", **props})

        cell = {"border": 1, "text_wrap": True, "valign": "top"}
        self.agency = add(align="center")
        self.agency_bold = add(align="center", bold=True, underline=1)
        self.motto = add(align="center", bold=True)
        self.motto_line = add(align="center", bold=True, underline=1)
        self.title = add(align="center", bold=True, font_size=14)
        self.subtitle = add(align="center", bold=True, text_wrap=True)
        self.note = add(align="center", italic=True, text_wrap=True)
        self.header = add(align="center", bold=True, text_wrap=True, border=1)
        self.group = add(bold=True, border=1)
        self.subgroup = add(bold=True, italic=True, border=1)
        self.total = add(bold=True, italic=True, border=1)
        self.grand_total = add(bold=True, border=1)
        self.empty = add(align="center", italic=True, border=1)
        self.stt = add(**{**cell, "align": "center"})
        self.cell = add(**cell)
        self.place_date = add(align="center", italic=True)
        self.signer = add(align="center", bold=True)
        self.hint = add(align="center", italic=True)


def _put(sheet: Worksheet, row: int, first: int, last: int, text: str, fmt: Format) -> None:
    """``text`` (formula-safe) in one cell or across a merged range of the row."""
    value = safe_cell(text)
    if first == last:
        sheet.write_string(row, first, value, fmt)
    else:
        sheet.merge_range(row, first, row, last, "", fmt)
        sheet.write_string(row, first, value, fmt)


def _line_count(text: str, width_chars: float) -> int:
    """Lines ``text`` takes wrapped at word boundaries in a column ``width_chars`` wide.

    Spreadsheets do not reliably grow a row for wrapped text when the file is opened (LibreOffice
    7.4 does not, merged cells never do), so the rows' heights are set from this estimate.
    Times New Roman 12 fits about 1.2 characters per unit of column width; 1.12 leaves room
    for wide letters.
    """
    capacity = max(1, int(width_chars * 1.12))
    lines = 0
    for paragraph in str(text).splitlines() or [""]:
        lines += 1  # the paragraph's first line
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= capacity:
                used += 1 + len(word)
                continue
            if used:
                lines += 1  # the word starts a new line
            pieces = -(-len(word) // capacity)  # a word longer than the column breaks
            lines += pieces - 1
            used = len(word) - (pieces - 1) * capacity
    return max(1, lines)


def _row_height(texts: Iterable[tuple[str | None, float]], line_height: float = 15.0) -> float:
    """Points for a row whose cells hold ``(text, width in characters)``."""
    lines = max((_line_count(text, width) for text, width in texts if text), default=1)
    return lines * line_height + 3


def official_list_bytes(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
                        unit_codes: list[str] | None, statuses: list[str] | None,
                        lang: str = "vi",
                        agency: tuple[str, str] = DEFAULT_AGENCY) -> bytes:
    """The official nomination list of ``campaign_code`` as of ``as_of``, as .xlsx bytes.

    ``unit_codes`` limits it to nominations proposed by those units (``None``: all);
    ``statuses`` (codes or labels, see ``resolve_statuses``) to nominations in those statuses
    as of the date (``None``: all). ``lang`` switches the document's words (``vi`` or ``en``);
    ``agency`` is the two lines of the issuing body (the first is written in capitals).
    """
    codes = resolve_statuses(statuses, lang)
    units = [u.strip().upper() for u in unit_codes] if unit_codes else None
    frame = fetch_df(con, "marts/nomination_list", campaign_code=campaign_code, as_of=as_of,
                     unit_codes=units)
    if codes is not None:
        frame = frame[frame["status"].isin(codes)]
    campaign = _campaign_name(con, campaign_code)

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "default_format_properties": dict(FONT),
    })
    title = t("report_list_title", lang)
    workbook.set_properties({"title": title, "subject": campaign})
    sheet = workbook.add_worksheet(t("report_list_sheet", lang))
    f = _Formats(workbook)
    for col, (_, width) in enumerate(COLUMNS):
        sheet.set_column(col, col, width)

    # Header block: agency left (A:C), national motto right (E:G).
    _put(sheet, 0, 0, 2, agency[0].upper(), f.agency)
    _put(sheet, 0, 4, LAST_COL, MOTTO, f.motto)
    _put(sheet, 1, 0, 2, agency[1], f.agency_bold)
    _put(sheet, 1, 4, LAST_COL, MOTTO_LINE, f.motto_line)
    _put(sheet, 3, 0, LAST_COL, title, f.title)
    sheet.set_row(3, 21)
    subtitle = t("report_list_subtitle", lang, campaign=campaign)
    _put(sheet, 4, 0, LAST_COL, subtitle, f.subtitle)
    sheet.set_row(4, _row_height([(subtitle, _TOTAL_WIDTH)]))
    notes = [t("report_list_attached", lang, date=as_of.strftime("%d/%m/%Y"))]
    if units:
        notes.append(t("report_list_units", lang, units=", ".join(
            _unit_names(con, campaign_code, units))))
    if codes is not None:
        labels = {s.code: s.label_en if lang == "en" else s.label_vi for s in ref.STATUSES}
        notes.append(t("report_list_statuses", lang, statuses=", ".join(
            labels[c] for c in codes)))
    row = 5
    for note in notes:
        _put(sheet, row, 0, LAST_COL, note, f.note)
        sheet.set_row(row, _row_height([(note, _TOTAL_WIDTH)]))
        row += 1

    # The table.
    header_row = row + 1
    for col, (key, _) in enumerate(COLUMNS):
        sheet.write_string(header_row, col, t(key, lang), f.header)
    sheet.set_row(header_row, _row_height((t(key, lang), width) for key, width in COLUMNS))
    sheet.repeat_rows(header_row)
    row = header_row + 1
    status_col = "status_label_en" if lang == "en" else "status_label_vi"
    subject_labels = {code: (vi if lang != "en" else en)
                      for code, (vi, en, _) in ref.SUBJECT_TYPES.items()}
    groups = _groups(frame, lang)
    if not groups:
        _put(sheet, row, 0, LAST_COL, t("report_list_empty", lang), f.empty)
        row += 1
    for number, (award_label, subgroups) in enumerate(groups, start=1):
        _put(sheet, row, 0, LAST_COL,
             t("report_list_group", lang, numeral=roman(number), award=award_label), f.group)
        row += 1
        counts = dict.fromkeys(SUBJECT_ORDER, 0)
        for sub_number, (subject, rows) in enumerate(subgroups, start=1):
            _put(sheet, row, 0, LAST_COL, t("report_list_subgroup", lang, number=sub_number,
                                            subject=subject_labels[subject]), f.subgroup)
            row += 1
            counts[subject] = len(rows)
            for stt, record in enumerate(rows, start=1):
                sheet.write_number(row, 0, stt, f.stt)
                values = (record["subject_name"], record["position"],
                          record["proposing_unit_name"] or record["proposing_unit"],
                          record["achievement"], record[status_col], record["decision_ref"])
                texts = [_text(value) for value in values]
                for col, text in enumerate(texts, start=1):
                    if text is None:
                        sheet.write_blank(row, col, None, f.cell)
                    else:
                        sheet.write_string(row, col, safe_cell(text), f.cell)
                sheet.set_row(row, _row_height(
                    (text, COLUMNS[col][1]) for col, text in enumerate(texts, start=1)))
                row += 1
        _put(sheet, row, 0, LAST_COL, t(
            "report_list_group_total", lang, total=sum(counts.values()),
            collective=counts["tap_the"], individual=counts["ca_nhan"]), f.total)
        row += 1
    if groups:
        _put(sheet, row, 0, LAST_COL, t("report_list_grand_total", lang, total=len(frame)),
             f.grand_total)
        row += 1

    # Signature block: the drafter left, the signer right.
    row += 1
    _put(sheet, row, 4, LAST_COL, t("report_list_place_date", lang), f.place_date)
    row += 1
    _put(sheet, row, 0, 2, t("report_list_signer_left", lang), f.signer)
    _put(sheet, row, 4, LAST_COL, t("report_list_signer_right", lang), f.signer)
    row += 1
    _put(sheet, row, 0, 2, t("report_list_sign_hint", lang), f.hint)
    _put(sheet, row, 4, LAST_COL, t("report_list_sign_seal_hint", lang), f.hint)

    # Print setup: A4 landscape, one page wide, header row on every page, page numbers.
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.center_horizontally()
    sheet.set_footer("&C" + t("report_list_footer", lang))
    sheet.print_area(0, 0, row + 4, LAST_COL)
    sheet.hide_gridlines(2)
    workbook.close()
    return buffer.getvalue()


def write_official_list(con: duckdb.DuckDBPyConnection, out: Path, campaign_code: str,
                        as_of: dt.date, unit_codes: list[str] | None,
                        statuses: list[str] | None, lang: str = "vi") -> Path:
    """Write ``official_list_bytes`` to ``out`` (parent folders created) and return the path."""
    data = official_list_bytes(con, campaign_code, as_of, unit_codes, statuses, lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out
