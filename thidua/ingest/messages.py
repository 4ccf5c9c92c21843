"""Turning an import ``Issue`` into the sentence the user reads, in Vietnamese or English.

Every sentence names where the problem is (sheet or file, Excel row, column label as the user
wrote it), the offending value and what was expected; the words come from the catalogue.
What came from the file is shown ``visible``: a bidi override or a control character in it is
written as ``U+202E``, so a sentence cannot be turned around by the text it quotes.
"""

from __future__ import annotations

from thidua import formats
from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.contract.textnorm import visible
from thidua.ingest.read import Issue

_EXPECT_BY_TYPE = {
    ref.CODE: "expect_code", ref.TEXT: "expect_text", ref.DATE: "expect_date",
    ref.MONTH: "expect_month", ref.NUMBER: "expect_number", ref.PCT: "expect_pct",
    ref.RESULT: "expect_result", ref.SUBJECT: "expect_subject", ref.AWARD: "expect_award",
    ref.STATUS: "expect_status", ref.GENDER: "expect_gender", ref.STAFF_TYPE: "expect_staff_type",
}


def _subject_word(code: str, lang: str) -> str:
    vi, en, _ = ref.SUBJECT_TYPES.get(code, (code, code, ()))
    return en if lang == "en" else vi


def _is_file(origin: str) -> bool:
    return origin.lower().endswith((".csv", ".parquet", ".xlsx", ".xls", ".xlsm"))


def location(issue: Issue, lang: str = "vi") -> str:
    """'Trang «Đơn vị», dòng 5, cột «Mã đơn vị»' (the parts that are known)."""
    parts = [t("loc_file" if _is_file(issue.origin) else "loc_sheet", lang,
               origin=visible(issue.origin))]
    if issue.row is not None:
        parts.append(t("loc_row", lang, row=issue.row))
    if issue.label:
        parts.append(t("loc_column", lang, column=visible(issue.label)))
    return ", ".join(parts)


def expectation(column_type: str, lang: str) -> str:
    choices = ""
    if column_type == ref.AWARD:
        choices = "; ".join(f"{a.code} – {a.label_vi}" for a in ref.AWARD_FORMS)
    elif column_type == ref.STATUS:
        choices = "; ".join(s.label_vi for s in ref.STATUSES)
    return t(_EXPECT_BY_TYPE[column_type], lang, choices=choices)


def message_keys(code: str) -> tuple[str, ...]:
    """The catalogue entries the sentences of issue ``code`` are made of (``issue_<code>`` for
    most; a type error also names what its column type expects)."""
    if code.startswith("unreadable_"):
        return (code,)
    if code.startswith("bad_"):
        return ("issue_bad_value", f"expect_{code[4:]}")
    if code == "unknown_subject":
        return tuple(f"issue_unknown_subject_{subject}" for subject in ref.SUBJECT_TYPES)
    if code == "legacy_font":
        return ("issue_legacy_font", "issue_legacy_font_sheet")
    if code == "unknown_reference":
        return ("issue_unknown_reference", "in_sheet", "in_file")
    return (f"issue_{code}",)


def problem(issue: Issue, lang: str = "vi") -> str:
    """What is wrong and what was expected, without the location."""
    code, value = issue.code, visible(issue.value)
    if code.startswith("unreadable_"):
        return issue.value or code
    if code.startswith("bad_"):
        return t("issue_bad_value", lang, value=value, expected=expectation(code[4:], lang))
    if code == "unknown_subject":
        return t(f"issue_unknown_subject_{issue.detail}", lang, value=value)
    if code == "unknown_reference":  # detail: the referenced sheet or file, as the user names it
        origin = visible(issue.detail) or ""
        where = t("in_file" if _is_file(origin) else "in_sheet", lang, origin=origin)
        return t("issue_unknown_reference", lang, value=value, detail=where)
    if code == "criterion_wrong_subject":
        applies_to, subject = (issue.detail or "|").split("|")
        return t("issue_criterion_wrong_subject", lang, value=value,
                 applies_to=_subject_word(applies_to, lang), subject=_subject_word(subject, lang))
    if code == "more_issues":  # value: how many more issues of the kind ``detail``
        return t("issue_more_issues", lang, value=formats.count(int(issue.value or 0), lang))
    if code == "legacy_font" and issue.row is None:
        return t("issue_legacy_font_sheet", lang)
    return t(f"issue_{code}", lang, value=value, detail=visible(issue.detail),
             column=visible(issue.label) or issue.column)


def issue_message(issue: Issue, lang: str = "vi") -> str:
    """The whole sentence: location, then the problem."""
    return f"{location(issue, lang)}: {problem(issue, lang)}"
