"""The official list's sheet: agency and motto, title, the grouped table, the signature block.

The layout is the one Vietnamese offices file with a submission (*tờ trình*): the agency block
top left and the national motto top right, a centred title, the campaign and the date the
figures are for, then one table grouped by award form (Roman numerals), within a form
collectives then individuals (Arabic numerals, STT restarting in each), a subtotal per form and
a grand total, and a signature block. Everything is in :data:`thidua.theme.DOCUMENT_FONT`; every
text cell is formula-safe. Row heights are set from an estimate of the wrapped lines, since
spreadsheets do not reliably grow a row for wrapped (or merged) text when opening the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua import formats
from thidua.catalogue import t
from thidua.documents.cells import safe_cell
from thidua.documents.official_list.gather import SUBJECT_ORDER, Group, ListData, text
from thidua.theme import DOCUMENT_FONT

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
DEFAULT_AGENCY = ("UBND TỈNH", "VĂN PHÒNG")
FONT = {"font_name": DOCUMENT_FONT, "font_size": 12}
A4 = 9
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
TOTAL_WIDTH = sum(width for _, width in COLUMNS)


def roman(number: int) -> str:
    """``number`` (1 or more) in Roman numerals: 4 → IV."""
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class ListFormats:
    """The workbook's cell formats, all in the font of official documents."""

    def __init__(self, workbook: Workbook) -> None:
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


def put(sheet: Worksheet, row: int, first: int, last: int, value: str, fmt: Format) -> None:
    """``value`` (formula-safe) in one cell or across a merged range of the row."""
    value = safe_cell(value)
    if first == last:
        sheet.write_string(row, first, value, fmt)
    else:
        sheet.merge_range(row, first, row, last, "", fmt)
        sheet.write_string(row, first, value, fmt)


def line_count(value: str, width_chars: float) -> int:
    """Lines ``value`` takes wrapped at word boundaries in a column ``width_chars`` wide.

    Times New Roman 12 fits about 1.2 characters per unit of column width; 1.12 leaves room
    for wide letters.
    """
    capacity = max(1, int(width_chars * 1.12))
    lines = 0
    for paragraph in str(value).splitlines() or [""]:
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


def row_height(texts: Iterable[tuple[str | None, float]], line_height: float = 15.0) -> float:
    """Points for a row whose cells hold ``(text, width in characters)``."""
    lines = max((line_count(value, width) for value, width in texts if value), default=1)
    return lines * line_height + 3


def _note_lines(data: ListData, lang: str) -> list[str]:
    notes = [t("report_list_attached", lang, date=formats.date(data.as_of, lang))]
    if data.unit_names:
        notes.append(t("report_list_units", lang, units=", ".join(data.unit_names)))
    if data.statuses is not None:
        notes.append(t("report_list_statuses", lang, statuses=", ".join(
            formats.status_label(c, lang) for c in data.statuses)))
    return notes


def write_heading(sheet: Worksheet, f: ListFormats, data: ListData, agency: tuple[str, str],
                  lang: str) -> int:
    """Agency left (A:C), national motto right (E:G), title, campaign, notes; next free row."""
    put(sheet, 0, 0, 2, agency[0].upper(), f.agency)
    put(sheet, 0, 4, LAST_COL, MOTTO, f.motto)
    put(sheet, 1, 0, 2, agency[1], f.agency_bold)
    put(sheet, 1, 4, LAST_COL, MOTTO_LINE, f.motto_line)
    put(sheet, 3, 0, LAST_COL, t("report_list_title", lang), f.title)
    sheet.set_row(3, 21)
    subtitle = t("report_list_subtitle", lang, campaign=data.campaign)
    put(sheet, 4, 0, LAST_COL, subtitle, f.subtitle)
    sheet.set_row(4, row_height([(subtitle, TOTAL_WIDTH)]))
    row = 5
    for note in _note_lines(data, lang):
        put(sheet, row, 0, LAST_COL, note, f.note)
        sheet.set_row(row, row_height([(note, TOTAL_WIDTH)]))
        row += 1
    return row


def _write_nomination(sheet: Worksheet, f: ListFormats, row: int, stt: int,
                      record: dict[str, Any], lang: str) -> None:
    sheet.write_number(row, 0, stt, f.stt)
    status_col = "status_label_en" if lang == "en" else "status_label_vi"
    values = (record["subject_name"], record["position"],
              record["proposing_unit_name"] or record["proposing_unit"],
              record["achievement"], record[status_col], record["decision_ref"])
    texts = [text(value) for value in values]
    for col, value in enumerate(texts, start=1):
        if value is None:
            sheet.write_blank(row, col, None, f.cell)
        else:
            sheet.write_string(row, col, safe_cell(value), f.cell)
    sheet.set_row(row, row_height(
        (value, COLUMNS[col][1]) for col, value in enumerate(texts, start=1)))


def _write_group(sheet: Worksheet, f: ListFormats, row: int, number: int, group: Group,
                 lang: str) -> int:
    """One award form: its heading, each subject type's rows, its subtotal; next free row."""
    award_label, subgroups = group
    put(sheet, row, 0, LAST_COL,
        t("report_list_group", lang, numeral=roman(number), award=award_label), f.group)
    row += 1
    counts = dict.fromkeys(SUBJECT_ORDER, 0)
    for sub_number, (subject, rows) in enumerate(subgroups, start=1):
        put(sheet, row, 0, LAST_COL, t("report_list_subgroup", lang, number=sub_number,
                                       subject=formats.subject_label(subject, lang)), f.subgroup)
        row += 1
        counts[subject] = len(rows)
        for stt, record in enumerate(rows, start=1):
            _write_nomination(sheet, f, row, stt, record, lang)
            row += 1
    put(sheet, row, 0, LAST_COL, t(
        "report_list_group_total", lang, total=sum(counts.values()),
        collective=counts["tap_the"], individual=counts["ca_nhan"]), f.total)
    return row + 1


def write_table(sheet: Worksheet, f: ListFormats, row: int, data: ListData, lang: str) -> int:
    """The header (repeated on every printed page), the groups and the totals; next free row."""
    header_row = row + 1
    for col, (key, _) in enumerate(COLUMNS):
        sheet.write_string(header_row, col, t(key, lang), f.header)
    sheet.set_row(header_row, row_height((t(key, lang), width) for key, width in COLUMNS))
    sheet.repeat_rows(header_row)
    row = header_row + 1
    if not data.groups:
        put(sheet, row, 0, LAST_COL, t("report_list_empty", lang), f.empty)
        return row + 1
    for number, group in enumerate(data.groups, start=1):
        row = _write_group(sheet, f, row, number, group, lang)
    put(sheet, row, 0, LAST_COL, t("report_list_grand_total", lang, total=data.total),
        f.grand_total)
    return row + 1


def write_signature(sheet: Worksheet, f: ListFormats, row: int, lang: str) -> int:
    """The drafter left, the signer right, after an empty row; the block's last row."""
    row += 1
    put(sheet, row, 4, LAST_COL, t("report_list_place_date", lang), f.place_date)
    row += 1
    put(sheet, row, 0, 2, t("report_list_signer_left", lang), f.signer)
    put(sheet, row, 4, LAST_COL, t("report_list_signer_right", lang), f.signer)
    row += 1
    put(sheet, row, 0, 2, t("report_list_sign_hint", lang), f.hint)
    put(sheet, row, 4, LAST_COL, t("report_list_sign_seal_hint", lang), f.hint)
    return row


def print_setup(sheet: Worksheet, last_row: int, lang: str) -> None:
    """A4 landscape, one page wide, centred, page numbers in the footer, no gridlines."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.center_horizontally()
    sheet.set_footer("&C" + t("report_list_footer", lang))
    sheet.print_area(0, 0, last_row + 4, LAST_COL)
    sheet.hide_gridlines(2)
