"""What a file really is, and whether it is safe to hand to calamine, judged before it is opened.

calamine allocates a sheet by its bounding box before reading a cell: one cell at A1 and one at
XFD1048576 make it ask for 512 GiB and abort the process (no exception to catch), and a small
zip can hold a sheet that expands to gigabytes. So an .xlsx/.xlsm is inspected first, with the
standard library only: the uncompressed size and compression ratio of its parts (``zipfile``
headers, nothing decompressed), then each sheet's cell references streamed (at most the
declared sizes read) for the rows and columns really used. calamine sizes a sheet by its cells,
not by its ``<dimension ref=…>``, so the declared dimension is not trusted either way. And a
file is sniffed by its first bytes, not its name: a renamed ``.xls`` is read by its content, a
web page, an RTF or PDF, a text file saved as ``.xlsx`` and an encrypted workbook each get a
sentence that says what they are. The read problems are capped here too (``cap_issues``).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from python_calamine import CalamineWorkbook, PasswordError, SheetVisibleEnum

from thidua import formats
from thidua.catalogue import t
from thidua.ingest.cells import sheet_parts

MAX_COLUMNS = 1_000
MAX_ROWS = 2_000_000
MAX_CELLS = 40_000_000  # bounding box rows × columns: what calamine allocates (~32 bytes each)
RATIO_LIMIT, RATIO_MIN_BYTES = 100, 10 << 20
READ_ISSUE_LIMIT = 20  # read problems kept per kind and sheet; the rest is one "and M more"
ZIP, OLE, ENCRYPTED, HTML, RTF, PDF, TEXT, UNKNOWN = (
    "zip", "ole", "encrypted", "html", "rtf", "pdf", "text", "unknown")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"([A-Z]{1,4})(\d{1,8})$")
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,4})(\d{1,8})"')  # only a cell's r holds letters
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_HTML_STARTS = (b"<html", b"<!doctype", b"<table", b"<head", b"<meta", b"<body")


@dataclass(frozen=True)
class Word:
    """A catalogue entry put into another sentence in the reader's language (a reason)."""

    key: str


class UnreadableInput(Exception):
    """The input is no workbook or folder we can read (exit code 2); ``key`` names the
    sentence, ``params`` fill it (a :class:`Word` in the language of the message)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        """The sentence in ``lang``: words translated, whole numbers in the language's digits."""
        def shown(value: object) -> object:
            if isinstance(value, Word):
                return t(value.key, lang)
            return formats.count(value, lang) if isinstance(value, int) else value
        return t(self.key, lang, **{k: shown(v) for k, v in self.params.items()})


def max_unzipped_bytes() -> int:
    """The setting THIDUA_MAX_UNZIPPED_MB (default 500): the most a workbook may expand to."""
    try:
        return max(1, int(os.environ.get("THIDUA_MAX_UNZIPPED_MB", "500"))) << 20
    except ValueError:
        return 500 << 20


def sniff(path: Path) -> str:
    """What the bytes of ``path`` are: zip (xlsx, xlsm, ods), ole (xls), encrypted (an OLE file
    holding an EncryptedPackage: a password-protected xlsx), html, rtf, pdf, text or unknown."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        with open(path, "rb") as handle:  # the directory can be anywhere: read in chunks
            tail = b""
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                if _ENCRYPTED_STREAM in tail + chunk:
                    return ENCRYPTED
                tail = chunk[-len(_ENCRYPTED_STREAM):]
        return OLE
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(_HTML_STARTS) or b"<html" in text[:1024]:
        return HTML
    if text.startswith(b"{\\rtf"):
        return RTF
    if text.startswith(b"%pdf"):
        return PDF
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" not in head:
        return TEXT
    return UNKNOWN


def _position(ref: str | None) -> tuple[int, int] | None:
    match = _REF.match(ref or "")
    if not match:
        return None
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def _extent_by_parsing(handle) -> tuple[int, int]:
    """(last row, last column) by a streaming XML parse: for the rare sheet whose cells carry
    no ``r`` attribute (they follow the previous one, as Excel and calamine read them)."""
    last_row = last_col = row = col = 0
    for event, el in iterparse(handle, events=("start", "end")):
        if event == "start":
            if el.tag == f"{_MAIN}row":
                number = el.get("r") or ""
                row, col = (int(number) if number.isdigit() else row + 1), 0
            elif el.tag == f"{_MAIN}c":
                pos = _position(el.get("r"))
                row_here, col = pos if pos else (row, col + 1)
                last_row, last_col = max(last_row, row_here), max(last_col, col)
        elif el.tag == f"{_MAIN}row":
            el.clear()
    return last_row, last_col


def _column_number(letters: bytes) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ch - 64
    return col


def sheet_extent(open_part) -> tuple[int, int]:
    """(last row, last column) holding a cell, 1-based, of the sheet part ``open_part()`` opens.
    The cell references are found by a regular expression over 4 MB chunks (a tag cut by a
    chunk's end is carried over), five times faster than parsing; a chunk with more cells than
    references falls back to parsing the XML."""
    last_row = last_col = 0
    with open_part() as handle:
        carry = b""
        for chunk in iter(lambda: handle.read(4 << 20), b""):
            data, cut = carry + chunk, (carry + chunk).rfind(b">") + 1
            data, carry = data[:cut], data[cut:]
            refs = _CELL_REF.findall(data)
            if len(_CELL_TAG.findall(data)) > len(refs):
                with open_part() as again:
                    return _extent_by_parsing(again)
            if refs:
                last_row = max(last_row, max(map(int, (r for _c, r in refs))))
                last_col = max(last_col, max(map(_column_number, {c for c, _r in refs})))
    return last_row, last_col


def check_package(path: Path) -> None:
    """UnreadableInput when the package would expand beyond the setting, a big part is
    compressed more than 100 times (a zip bomb), or a sheet uses more rows, columns or cells
    than the limits.
    zipfile.BadZipFile, KeyError, ParseError for a damaged package."""
    limit = max_unzipped_bytes()
    with zipfile.ZipFile(path) as book:
        infos = book.infolist()
        total = sum(i.file_size for i in infos)
        if total > limit:
            raise UnreadableInput("unreadable_too_large", path=path.name, mb=total >> 20,
                                  limit=limit >> 20)
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_MIN_BYTES and ratio > RATIO_LIMIT:
                raise UnreadableInput("unreadable_zip_bomb", path=path.name,
                                      mb=info.file_size >> 20, ratio=int(ratio),
                                      limit=RATIO_LIMIT)
        if "xl/workbook.xml" not in book.namelist():
            return  # .ods, .xlsb: the sizes above are all we check
        for sheet, part in sheet_parts(book).items():
            rows, cols = sheet_extent(lambda part=part: book.open(part))
            if cols > MAX_COLUMNS or rows > MAX_ROWS or rows * cols > MAX_CELLS:
                raise UnreadableInput("unreadable_too_many_cells", path=path.name, sheet=sheet,
                                      rows=rows, cols=cols, max_rows=MAX_ROWS,
                                      max_cols=MAX_COLUMNS)


# The suffixes each kind of content is read under; another suffix is a renamed file.
_SUFFIXES_OF = {ZIP: {".xlsx", ".xlsm", ".xlsb", ".ods"}, OLE: {".xls"}}


def open_workbook(path: Path) -> CalamineWorkbook:
    """The workbook at ``path`` opened by calamine once its bytes say it is a spreadsheet that
    is safe to open; an .xls named .xlsx (or the reverse) is read by its content.
    UnreadableInput saying what the file really is otherwise."""
    kind = sniff(path)
    if kind in (ENCRYPTED, HTML, RTF, PDF):
        raise UnreadableInput(f"unreadable_{kind}", path=path.name, suffix=path.suffix)
    if kind in (TEXT, UNKNOWN):
        raise UnreadableInput("unreadable_workbook", path=path.name,
                              reason=Word(f"reason_{kind}"))
    if kind == ZIP:
        try:
            check_package(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ParseError, EOFError,
                ValueError) as exc:
            raise UnreadableInput("unreadable_workbook", path=path.name,
                                  reason=Word("reason_damaged_zip")) from exc
    try:
        if path.suffix.lower() in _SUFFIXES_OF[kind]:
            return CalamineWorkbook.from_path(str(path))
        return CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    except PasswordError as exc:
        raise UnreadableInput("unreadable_encrypted", path=path.name) from exc
    except Exception as exc:  # calamine raises its own error types for every broken file
        raise UnreadableInput("unreadable_workbook", path=path.name,
                              reason=Word(f"reason_damaged_{kind}")) from exc


def hidden_sheets(workbook: CalamineWorkbook) -> dict[str, str]:
    """Sheet name -> ``hidden_sheet`` or ``very_hidden_sheet`` for the sheets Excel hides."""
    codes = ((SheetVisibleEnum.Hidden, "hidden_sheet"),  # the enum is not hashable
             (SheetVisibleEnum.VeryHidden, "very_hidden_sheet"))
    return {m.name: code for m in workbook.sheets_metadata for state, code in codes
            if m.visible == state}


def cap_issues(issues: list, limit: int = READ_ISSUE_LIMIT) -> list:
    """The first ``limit`` read issues of each kind (severity, code, table: one sheet or file;
    or no table: the unknown sheets or files), then one ``more_issues`` saying how many more: a
    sheet widened to 10,000 columns is not 9,997 lines. (The checks' issues are capped in SQL,
    import_log/issue_rows.)"""
    kept, seen, more = [], {}, {}
    for issue in issues:
        kind = (issue.severity, issue.code, issue.table)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= limit:
            kept.append(issue)
        if seen[kind] == limit:
            more[kind] = replace(issue, code="more_issues", row=None, column=None, label=None,
                                 value=None, detail=issue.code)
            kept.append(more[kind])
    for kind, issue in more.items():
        issue.value = str(seen[kind] - limit)
    return [i for i in kept if i.code != "more_issues" or i.value != "0"]
