"""The template's instruction sheet ("Hướng dẫn" / "Instructions"), top to bottom.

Four parts (DATA_CONTRACT.md sections 1–3): general rules, how the loader reads a workbook,
every table's columns with type, required flag and rule, and the reference lists. The prose
follows ``lang``; the values quoted (labels, codes) are the Vietnamese ones the data holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua.catalogue import t
from thidua.contract.reference import (
    AWARD_FORMS,
    GENDERS,
    RESULT_MET,
    RESULT_NOT_MET,
    STAFF_TYPES,
    STATUSES,
    SUBJECT_TYPES,
    TABLES,
    UNIT_TYPES,
    Table,
)
from thidua.documents.template.layout import (
    TemplateFormats,
    column_rule,
    required_word,
    row_height,
)

GUIDE_WIDTHS = (6, 24, 34, 26, 16, 62)  # columns A..F
_READING_RULES = ("names", "columns", "header_row", "two_row_header", "blank_rows",
                  "column_numbers", "formulas", "text", "csv_encoding", "legacy_fonts", "dates",
                  "day_first", "impossible_dates", "months", "results", "subjects",
                  "fixed_values")


class Guide:
    """Writes the instruction sheet top to bottom."""

    def __init__(self, ws: Worksheet, fmt: TemplateFormats, lang: str) -> None:
        self.ws, self.fmt, self.lang, self.row = ws, fmt, lang, 0
        for col, width in enumerate(GUIDE_WIDTHS):
            ws.set_column(col, col, width)

    def merged(self, text: str, cell_format: Any, *, first_col: int = 0,
               height: float | None = None) -> None:
        """``text`` across the columns from ``first_col``, the row as high as it wraps."""
        width = sum(GUIDE_WIDTHS[first_col:])
        self.ws.merge_range(self.row, first_col, self.row, len(GUIDE_WIDTHS) - 1, text,
                            cell_format)
        self.ws.set_row(self.row, height or row_height([(text, width * 0.95)]))
        self.row += 1

    def gap(self) -> None:
        """An empty row."""
        self.row += 1

    def section(self, text: str) -> None:
        """A part's heading after an empty row."""
        self.gap()
        self.ws.merge_range(self.row, 0, self.row, len(GUIDE_WIDTHS) - 1, text, self.fmt.section)
        self.ws.set_row(self.row, 20)
        self.row += 1

    def rules(self, texts: Sequence[str], start: int = 1) -> None:
        """Numbered paragraphs."""
        for number, text in enumerate(texts, start):
            self.ws.write_number(self.row, 0, number, self.fmt.number)
            self.merged(text, self.fmt.para, first_col=1)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
              formats: Sequence[Any] | None = None) -> None:
        """A bordered table from column A; ``rows`` shorter than ``headers`` are padded."""
        width = len(headers)
        self.ws.write_row(self.row, 0, headers, self.fmt.th)
        self.ws.set_row(self.row, row_height(list(zip(headers, GUIDE_WIDTHS, strict=False))))
        self.row += 1
        for cells in rows:
            cells = [*cells, *[""] * (width - len(cells))]
            for col, value in enumerate(cells):
                cell_format = formats[col] if formats and col < len(formats) else None
                self.ws.write(self.row, col, value, cell_format or self.fmt.td)
            texts = [(str(v), w) for v, w in zip(cells, GUIDE_WIDTHS, strict=False)]
            self.ws.set_row(self.row, row_height(texts))
            self.row += 1

    def list_table(self, title: str, header_keys: Sequence[str],
                   rows: Sequence[Sequence[Any]]) -> None:
        """A reference list under its sub-heading: number centred, the value in bold."""
        self.merged(title, self.fmt.subsection)
        self.table([t(f"template_h_{key}", self.lang) for key in header_keys], rows,
                   [self.fmt.td_center, self.fmt.td_required])


def _general(guide: Guide, lang: str) -> None:
    guide.section(t("template_section_general", lang))
    guide.rules([t(f"template_rule_{key}", lang)
                 for key in ("one_campaign", "reimport", "history", "errors")])


def _reading_rules(guide: Guide, lang: str) -> None:
    guide.section(t("template_section_rules", lang))
    results = {"met": ", ".join(f"“{w}”" for w in (*RESULT_MET[:3], "X", *RESULT_MET[3:])),
               "not_met": ", ".join(f"“{w}”" for w in RESULT_NOT_MET)}
    guide.rules([t(f"template_rule_{key}", lang, **(results if key == "results" else {}))
                 for key in _READING_RULES])


def _table_columns(guide: Guide, number: int, table: Table, lang: str) -> None:
    fmt = guide.fmt
    guide.gap()
    guide.merged(t("template_table_heading", lang, number=number, label=table.label_vi,
                   english=table.label_en, name=table.name), fmt.subsection)
    guide.merged(t(f"template_table_note_{table.name}", lang), fmt.note)
    rows = []
    for index, column in enumerate(table.columns, 1):
        rule = t("template_rule_with_meaning", lang, rule=column_rule(table, column, lang),
                 meaning=column.label_en)
        rows.append([index, column.label_vi, column.name,
                     t(f"template_type_{column.type}", lang), required_word(column, lang), rule])
    headers = [t(f"template_h_{key}", lang)
               for key in ("no", "label", "name", "type", "required", "rule")]
    guide.table(headers, rows, [fmt.td_center, fmt.td_required, None, None, None, None])


def _tables(guide: Guide, lang: str) -> None:
    guide.section(t("template_section_tables", lang))
    for number, table in enumerate(TABLES, 1):
        _table_columns(guide, number, table, lang)


def _award_and_status_lists(guide: Guide, lang: str) -> None:
    guide.list_table(
        t("template_list_awards", lang),
        ("no", "code", "award_label", "decided_by", "level", "english"),
        [[i, a.code, a.label_vi, t(f"template_decided_by_{a.code}", lang),
          t(f"template_level_{a.level}", lang), a.label_en]
         for i, a in enumerate(AWARD_FORMS, 1)])
    guide.gap()
    guide.list_table(
        t("template_list_statuses", lang),
        ("order", "code", "status_label", "english", "final", "meaning"),
        [[i, s.code, s.label_vi, s.label_en,
          t("template_final_yes" if s.is_final else "template_final_no", lang),
          t(f"template_status_meaning_{s.code}", lang)]
         for i, s in enumerate(STATUSES, 1)])


def _subject_and_result_lists(guide: Guide, lang: str) -> None:
    guide.gap()
    guide.list_table(
        t("template_list_subjects", lang),
        ("no", "code", "value", "english", "accepted", "meaning"),
        [[i, code, label, english, ", ".join((label, code, *aliases)),
          t(f"template_subject_meaning_{code}", lang)]
         for i, (code, (label, english, aliases)) in enumerate(SUBJECT_TYPES.items(), 1)])
    guide.gap()
    case_note = t("template_case_note", lang)
    guide.list_table(
        t("template_list_results", lang), ("no", "value", "accepted", "meaning"),
        [[1, RESULT_MET[0], f"{', '.join(RESULT_MET)} ({case_note})",
          t("template_result_meaning_met", lang)],
         [2, RESULT_NOT_MET[0], f"{', '.join(RESULT_NOT_MET)} ({case_note})",
          t("template_result_meaning_not_met", lang)],
         [3, t("template_result_blank", lang), t("template_result_blank_accepted", lang),
          t("template_result_meaning_blank", lang)]])


def _lists(guide: Guide, lang: str) -> None:
    guide.section(t("template_section_lists", lang))
    _award_and_status_lists(guide, lang)
    _subject_and_result_lists(guide, lang)
    for key, values in (("genders", GENDERS), ("staff_types", STAFF_TYPES),
                        ("unit_types", UNIT_TYPES)):
        guide.gap()
        guide.list_table(t(f"template_list_{key}", lang), ("no", "value"),
                         [[i, value] for i, value in enumerate(values, 1)])


def write_guide(wb: Workbook, fmt: TemplateFormats, lang: str) -> Worksheet:
    """The instruction sheet: title, introduction and the four parts; A4 landscape."""
    ws = wb.add_worksheet(t("template_sheet_instructions", lang))
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)
    guide = Guide(ws, fmt, lang)
    guide.merged(t("template_title", lang), fmt.title, height=30)
    guide.merged(t("template_intro", lang), fmt.para)
    _general(guide, lang)
    _reading_rules(guide, lang)
    _tables(guide, lang)
    _lists(guide, lang)
    return ws
