"""The campaign progress report (``thidua report --kind bao-cao``) on the tiny fixture.

The numbers are the hand-counted ones of ``tests/expected.py``, shown the Vietnamese way
(83,3%). The HTML must open offline: plotly.js embedded once, no URL to load anything from,
which a real Chromium confirms by recording every request. The PDF is printed by Chromium and
looked at page by page (rendered by pdftoppm to grey images that must not be blank); the XLSX is
read back with openpyxl. Tests that need Chromium skip without it on a developer's machine and
fail under CI (CI=true), as the browser tests do.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from tests import expected
from thidua import formats
from thidua.cli import app
from thidua.contract import reference as ref
from thidua.documents.progress import (
    build_report,
    default_name,
    progress_report_bytes,
    render_pdf,
    render_xlsx,
    write_progress_report,
)
from thidua.documents.progress.columns import col_group, column_weights
from thidua.ingest.load import load
from thidua.metrics.summary import UnknownCampaign
from thidua.store.database import connect_read_only
from thidua.store.sql import fetch_rows

JUNE = dt.date(2026, 6, 15)
NOVEMBER = dt.date(2025, 11, 30)
NOW = dt.datetime(2026, 6, 16, 9, 30)
CAMPAIGN = "Đợt thi đua thử nghiệm chào mừng Đại hội XIV"
CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = Path(__file__).parent.parent / "data" / "sample" / "thidua_mau.xlsx"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PLOTLYJS = re.compile(r"<script[^>]*>\s*/\*\*\s*\*\s*plotly\.js v.*?</script>", re.DOTALL)
STATUS = {s.code: s.label_vi for s in ref.STATUSES}
AWARD = {a.code: a.label_vi for a in ref.AWARD_FORMS}

runner = CliRunner()


def _unavailable(reason: str) -> None:
    """Fail under CI (a skip would pass a broken setup), skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the report's browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture
def poppler() -> None:
    if shutil.which("pdftoppm") is None:
        _unavailable("pdftoppm is missing (apt-get install poppler-utils)")


class _Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts (header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables_of(page: str) -> dict[str, list[list[str]]]:
    """The page's tables keyed by their header row joined with " | "."""
    parser = _Tables()
    parser.feed(PLOTLYJS.sub("", page))
    return {" | ".join(table[0]): table[1:] for table in parser.tables if table}


def table_with(page: str, *header: str) -> list[list[str]]:
    return tables_of(page)[" | ".join(header)]


@pytest.fixture
def june_html(tiny_con) -> str:
    return progress_report_bytes(tiny_con, "html", "TD25", JUNE, None, now=NOW).decode("utf-8")


# ---------------------------------------------------------------------------------------------
# Names and formats.


def test_default_name_is_ascii_and_names_campaign_units_and_date():
    day = dt.date(2026, 8, 24)
    assert default_name("DH14", day, None, "pdf") == "bao_cao_tien_do_DH14_2026-08-24.pdf"
    assert default_name("DH14", day, ["KT", "TH"], "html") == (
        "bao_cao_tien_do_DH14_KT-TH_2026-08-24.html")
    assert default_name("DH14", day, ["A", "B", "C", "D"], "xlsx") == (
        "bao_cao_tien_do_DH14_4-don-vi_2026-08-24.xlsx")
    assert default_name("Đợt 1", day, ["Đ"], "pdf").isascii()


def test_printed_columns_get_their_longest_word_and_share_the_rest_by_their_text():
    header = ["Mã hồ sơ", "Tên đối tượng", "Số"]
    body = [["HS01", "Nguyễn Văn An", "5"], ["HS02", "Phòng Tổng hợp Văn phòng UBND", "12"]]
    # In characters, capitals and digits 1.25: each column needs its longest word and
    # padding (HS01: 5 + 1.5; Nguyễn: 6.25 + 1.5; "Số" the narrowest, 4 + 1.5); the name
    # wants its longest cell, 30.75 capped at 30, + 1.5. A line of 88 holds every want ...
    wide = column_weights(header, body, budget=88)
    assert [round(s * 43.5, 2) for s in wide] == [6.5, 31.5, 5.5]
    # ... one of 30 gives the name what is left after the needs (30 − 6.5 − 5.5).
    narrow = column_weights(header, body, budget=30)
    assert [round(s * 30, 2) for s in narrow] == [6.5, 18.0, 5.5]
    assert col_group([1 / 3] * 3) == ('<col style="width:33.3%"><col style="width:33.3%">'
                                      "<col>")
    assert col_group([1.0]) == "<col>"


def test_numbers_are_formatted_the_vietnamese_way():
    assert formats.count(1234, "vi") == "1.234"
    assert formats.count(1234, "en") == "1,234"
    assert formats.pct(95.94, "vi") == "95,9%"
    assert formats.pct(100, "vi") == "100,0%"
    assert formats.pct(None, "vi") == "—"


def test_unknown_format_and_campaign_are_refused(tiny_con):
    with pytest.raises(ValueError, match="html, pdf, xlsx"):
        progress_report_bytes(tiny_con, "docx", "TD25", JUNE, None)
    with pytest.raises(UnknownCampaign):
        progress_report_bytes(tiny_con, "html", "XX", JUNE, None)


# ---------------------------------------------------------------------------------------------
# HTML.


def test_html_header_says_campaign_filters_date_import_and_generation(june_html, tiny_con):
    assert '<meta charset="utf-8">' in june_html
    assert f"{CAMPAIGN} (TD25)" in june_html
    assert "Đơn vị: tất cả đơn vị" in june_html
    assert "Số liệu đến ngày 15/06/2026" in june_html
    assert "Kỳ đánh giá: 12/2025" in june_html
    campaign = fetch_rows(tiny_con, "metrics/campaigns")[0]
    imported = campaign["imported_at"].strftime("%H:%M %d/%m/%Y")
    assert f"Nguồn số liệu: tệp «{campaign['file_name']}», nhập lúc {imported}" in june_html
    assert "Lập báo cáo lúc 09:30 16/06/2026" in june_html


def test_html_has_every_section_and_heading(june_html):
    for heading in ("1. Tổng quan", "2. Tham gia", "3. Tiêu chí", "4. Khen thưởng",
                    "Tỷ lệ đạt tiêu chí theo kỳ", "Đơn vị cần chú ý", "Tham gia theo đơn vị",
                    "Đăng ký theo thời gian", "Theo giới tính và loại cán bộ",
                    "Cán bộ chưa đăng ký",
                    "Tập thể: tỷ lệ đạt theo đơn vị và tiêu chí — kỳ 12/2025",
                    "Cá nhân: tỷ lệ đạt theo đơn vị và tiêu chí — kỳ 12/2025",
                    "Nội dung các tiêu chí", "Mức đầy đủ đánh giá theo đơn vị",
                    "Chưa nộp đủ kết quả đánh giá — kỳ 12/2025", "Hồ sơ theo bước xét duyệt",
                    "Trạng thái hồ sơ theo tuần", "Hình thức khen thưởng × trạng thái",
                    "Số ngày ở mỗi bước", "Danh sách hồ sơ"):
        assert f">{heading}</h" in june_html, heading


def test_html_kpis_are_the_hand_counted_numbers(june_html):
    want = expected.SUMMARY_DEFAULT
    assert want["staff_participation_pct"] == 83.3
    cards = re.findall(r'<div class="label">([^<]*)</div><div class="value">([^<]*)</div>'
                       r'<div class="detail">([^<]*)</div>', june_html)
    assert cards == [
        ("Cán bộ tham gia", "83,3%", "5/6 · chỉ tiêu 90%"),
        ("Đơn vị tham gia", "66,7%", "2/3"),
        # KT 2/2 + TH 2/2 collective results; KT 5/6 + TH 2/2 individual ones (12/2025).
        ("Tập thể đạt tiêu chí", "100,0%", "4/4 · kỳ 12/2025"),
        ("Cá nhân đạt tiêu chí", "87,5%", "7/8 · kỳ 12/2025"),
        # KT 8/8 + TH 4/6 + BTCD 0/0 expected results.
        ("Mức đầy đủ đánh giá", "85,7%", "12/14 · kỳ 12/2025"),
        ("Hồ sơ khen thưởng", "3", "1 đã khen · 1 đang xét · 1 không khen"),
    ]
    assert "Đợt thi đua 01/10/2025 – 23/01/2026: đã kết thúc (143 ngày trước)" in june_html


def test_html_tables_hold_the_rows(june_html):
    assert table_with(june_html, "Mã đơn vị", "Tên đơn vị", "Tổng số cán bộ", "Đã đăng ký",
                      "Tỷ lệ tham gia (%)", "Tập thể đã đăng ký") == [
        ["BTCD", "Ban Tiếp công dân", "1", "0", "0", "Không"],
        ["KT", "Phòng Kinh tế", "3", "3", "100", "Có"],
        ["TH", "Phòng Tổng hợp", "2", "2", "100", "Có"],
    ]
    assert "1 người — danh sách để Phòng HCQT đôn đốc." in june_html
    assert table_with(june_html, "Mã đơn vị", "Tên đơn vị", "Mã cán bộ", "Họ và tên", "Chức vụ",
                      "Loại cán bộ", "Giới tính") == [
        ["BTCD", "Ban Tiếp công dân", "CB06", "Đỗ Thị Giang", "Trưởng ban", "Công chức", "Nữ"],
    ]
    assert table_with(june_html, "Mã đơn vị", "Tên đơn vị", "Đối tượng", "Mã đối tượng",
                      "Tên đối tượng", "Số kết quả cần có", "Số kết quả đã có") == [
        ["TH", "Phòng Tổng hợp", "Cá nhân", "CB05", "Hoàng Văn Em", "2", "0"],
    ]
    assert "3 hồ sơ." in june_html
    assert table_with(june_html, "Mã hồ sơ", "Tên đối tượng", "Đối tượng", "Đơn vị đề nghị",
                      "Hình thức khen thưởng", "Ngày đề nghị", "Trạng thái", "Từ ngày",
                      "Số ngày ở trạng thái", "Số quyết định") == [
        ["HS01", "Nguyễn Văn An", "Cá nhân", "Phòng Kinh tế", AWARD["BKCT"], "28/01/2026",
         STATUS["da_khen_thuong"], "20/03/2026", "87", "312/QĐ-UBND"],
        ["HS03", "Phạm Thị Dung", "Cá nhân", "Phòng Tổng hợp", AWARD["BKTTG"], "10/02/2026",
         STATUS["khong_khen_thuong"], "15/06/2026", "0", "—"],
        ["HS02", "Phòng Tổng hợp", "Tập thể", "Phòng Tổng hợp", AWARD["GKVP"], "30/01/2026",
         STATUS["hoi_dong"], "05/02/2026", "130", "—"],
    ]


def test_html_embeds_plotlyjs_once_and_loads_nothing_from_the_network(june_html, tiny_con):
    report = build_report(tiny_con, "TD25", JUNE, None)
    assert len(report.figures) == 11  # 1 overview, 3 participation, 3 criteria, 4 nominations
    assert len(re.findall(r"\* plotly\.js v\d", june_html)) == 1
    assert june_html.count("Plotly.newPlot(") == len(report.figures)
    assert "MathJax.js" not in june_html and "mathjax@" not in june_html.lower()
    # plotly.js itself mentions URLs (map attributions it never loads); everything else none.
    rest = PLOTLYJS.sub("", june_html)
    assert len(rest) < len(june_html) // 10
    for pattern in (r'src\s*=\s*"?\s*(https?:)?//', r'href\s*=\s*"?\s*(https?:)?//',
                    r"url\(\s*['\"]?(https?:)?//", r"@import", r"<link\b", r"https?://",
                    r"\bcdn\b"):  # a word: "\u1ecdn" (ọn, as in "chọn") holds "cdn"
        assert not re.search(pattern, rest, re.IGNORECASE), pattern
    assert not re.search(r"<script[^>]*\bsrc=", june_html)


def test_html_in_november_is_mid_campaign_without_nominations(tiny_con):
    page = progress_report_bytes(tiny_con, "html", "TD25", NOVEMBER, None).decode("utf-8")
    want = expected.SUMMARY_2025_11_30
    assert (want["staff_registered"], want["staff_total"]) == (4, 6)
    assert "Số liệu đến ngày 30/11/2025" in page
    assert "Đợt thi đua 01/10/2025 – 23/01/2026: đã qua 60 ngày, còn 54 ngày" in page
    for value, detail in (("66,7%", "4/6 · chỉ tiêu 90%"), ("66,7%", "2/3 · kỳ 11/2025"),
                          ("57,1%", "4/7 · kỳ 11/2025"), ("83,3%", "10/12 · kỳ 11/2025"),
                          ("0", "0 đã khen · 0 đang xét · 0 không khen")):
        assert (f'<div class="value">{value}</div><div class="detail">{detail}</div>'
                in page), (value, detail)
    assert "2 người — danh sách để Phòng HCQT đôn đốc." in page
    assert [row[3] for row in table_with(page, "Mã đơn vị", "Tên đơn vị", "Mã cán bộ",
                                         "Họ và tên", "Chức vụ", "Loại cán bộ",
                                         "Giới tính")] == ["Đỗ Thị Giang", "Lê Văn Cường"]
    assert table_with(page, "Mã đơn vị", "Tên đơn vị", "Đối tượng", "Mã đối tượng",
                      "Tên đối tượng", "Số kết quả cần có", "Số kết quả đã có") == [
        ["TH", "Phòng Tổng hợp", "Tập thể", "TH", "Phòng Tổng hợp", "2", "1"],
        ["TH", "Phòng Tổng hợp", "Cá nhân", "CB04", "Phạm Thị Dung", "2", "1"],
    ]
    assert "Chưa có hồ sơ đề nghị khen thưởng đến ngày đã chọn." in page
    assert page.count("Plotly.newPlot(") == 7  # no nomination charts yet


def test_html_unit_filter_is_applied_and_named(tiny_con):
    page = progress_report_bytes(tiny_con, "html", "TD25", JUNE, ["kt"]).decode("utf-8")
    assert "Đơn vị: KT — Phòng Kinh tế" in page
    assert '<div class="value">100,0%</div><div class="detail">3/3 · chỉ tiêu 90%</div>' in page
    assert "Đỗ Thị Giang" not in page
    assert "Tất cả cán bộ đã đăng ký." in page


def test_html_in_english(tiny_con):
    page = progress_report_bytes(tiny_con, "html", "TD25", JUNE, None, "en").decode("utf-8")
    assert '<html lang="en">' in page
    assert "Figures as of 15 Jun 2026" in page
    assert '<div class="value">83.3%</div>' in page
    assert ">4. Nominations</h2>" in page


# ---------------------------------------------------------------------------------------------
# Chromium: the HTML opened offline, the PDF.


@pytest.mark.browser
def test_html_opens_offline_in_chromium_with_every_figure(chromium, june_html, tmp_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (uv sync --group dev)")
    path = tmp_path / "bao_cao.html"
    path.write_text(june_html, encoding="utf-8")
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as api:
        browser = api.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg')"
                                   ".length >= 11", timeout=30_000)
            plots = page.locator(".js-plotly-plot").count()
            title = page.title()
        finally:
            browser.close()
    assert plots == 11
    assert errors == []
    assert CAMPAIGN in title
    assert requests and requests[0].startswith("file:")
    remote = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
    assert remote == []


def _pgm(image: Path) -> tuple[int, int, bytes]:
    """A binary PGM (``pdftoppm -gray``) as (width, height, one byte per pixel)."""
    data = image.read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, image
    width, height = int(match[1]), int(match[2])
    pixels = data[match.end():]
    assert len(pixels) == width * height
    return width, height, pixels


def _pgm_pages(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """The PDF's pages as grey images (width, height, pixels) by ``pdftoppm -gray``."""
    subprocess.run(["pdftoppm", "-gray", "-r", "50", str(pdf), str(folder / "page")],
                   check=True, timeout=60)
    return [_pgm(image) for image in sorted(folder.glob("page-*.pgm"))]


def _orientation(width: int, height: int) -> str:
    """"portrait" or "landscape" for an A4 page (else the ratio, which fails the comparison)."""
    ratio = min(width, height) / max(width, height)
    if abs(ratio - 210 / 297) >= 0.01:
        return f"not A4: {width}x{height}"
    return "portrait" if width < height else "landscape"


@pytest.mark.browser
def test_pdf_is_a4_pages_that_are_not_blank(chromium, poppler, tiny_con, tmp_path):
    pdf = tmp_path / "out" / "bao_cao.pdf"
    assert write_progress_report(tiny_con, pdf, "pdf", "TD25", JUNE, None) == pdf
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = _pgm_pages(pdf, tmp_path)
    # The 10-column nomination list prints on a landscape page of its own (``@page wide``).
    assert [_orientation(w, h) for w, h, _ in pages] == ["portrait"] * 6 + ["landscape"]
    for width, height, pixels in pages:
        inked = sum(1 for p in pixels if p < 200)
        assert inked > 0.002 * width * height
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              check=True, timeout=60).stdout.decode("utf-8")
        for words in ("Số liệu đến ngày 15/06/2026", CAMPAIGN, "83,3%", "Đỗ Thị Giang",
                      "1. Tổng quan", "4. Khen thưởng", "HS01", "20/03/2026", "Trang 1/"):
            assert words in re.sub(r"\s+", " ", text), words


MM = 25.4  # millimetres per inch
LAYOUT_DPI = 30
INK = 245  # a grey level below this is ink (the table borders are about 218)


def _px(mm: float) -> int:
    return round(mm * LAYOUT_DPI / MM)


def _inked_box(width: int, height: int, pixels: bytes, top: int) -> tuple[int, int, int]:
    """(leftmost, rightmost, last row) of ink between the top and bottom margins (``top`` px
    each), in pixels: the page number in the bottom margin does not count."""
    left, right, last = width, -1, top
    for y in range(top, height - top):
        row = pixels[y * width:(y + 1) * width]
        inked = [x for x, p in enumerate(row) if p < INK]
        if inked:
            left, right, last = min(left, inked[0]), max(right, inked[-1]), y
    return left, right, last


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    """The sample campaign's report, printed as of 24/08/2026."""
    if not CHROMIUM.exists() or shutil.which("pdftoppm") is None:
        _unavailable("Chromium and pdftoppm print and read the PDF")
    folder = tmp_path_factory.mktemp("sample-pdf")
    outcome = load(SAMPLE, folder / "sample.duckdb")
    assert outcome.outcome == "imported"
    con = connect_read_only(folder / "sample.duckdb")
    try:
        return write_progress_report(con, folder / "bao_cao.pdf", "pdf", "DH14",
                                     dt.date(2026, 8, 24), None)
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_pdf_pages(sample_pdf) -> list[tuple[int, int, bytes]]:
    """The sample's report as grey page images at :data:`LAYOUT_DPI`."""
    folder = sample_pdf.parent
    subprocess.run(["pdftoppm", "-gray", "-r", str(LAYOUT_DPI), str(sample_pdf),
                    str(folder / "page")], check=True, timeout=60)
    return [_pgm(image) for image in sorted(folder.glob("page-*.pgm"))]


@pytest.mark.browser
def test_pdf_of_the_sample_fills_its_pages_and_keeps_inside_the_margins(sample_pdf_pages):
    # Sections run on (no forced page per section), so ten pages: eight portrait, and the
    # 10-column nomination list on two landscape pages.
    orientations = [_orientation(w, h) for w, h, _ in sample_pdf_pages]
    assert orientations == ["portrait"] * 8 + ["landscape"] * 2
    for number, ((width, height, pixels), orientation) in enumerate(
            zip(sample_pdf_pages, orientations, strict=True), start=1):
        side, top = _px(15), _px(15 if orientation == "portrait" else 12)  # the @page margins
        left, right, last = _inked_box(width, height, pixels, top)
        # Nothing runs into the side margins (one pixel of rounding on the left).
        assert right <= width - side, (number, right, width - side)
        assert left >= side - 1, (number, left, side)
        if number < len(sample_pdf_pages):
            # No page but the last is more than half blank at the bottom.
            blank = (height - top - last) / (height - 2 * top)
            assert blank <= 0.5, (number, round(blank, 2))


BORDER_DPI = 300
BORDER = 235  # darker than a table's header fill, as dark as its border (218) or more
HEADER_FILL = 242  # the grey of a table header's fill (THEME.heading_fill)


def _header_border_runs(pdf: Path, page: int, width_mm: int, side: str) -> dict[int, int]:
    """{row: pixels} at 300 dpi of a table header's outer border on the content's ``side``
    edge (15 mm in): in a 40-pixel strip across that edge, the first dark run from the
    page's edge inwards, in the rows where the header's fill follows it."""
    edge = round(15 * BORDER_DPI / MM)
    x = edge - 20 if side == "left" else round(width_mm * BORDER_DPI / MM) - edge - 20
    stem = pdf.parent / f"strip-{page}-{side}"
    subprocess.run(["pdftoppm", "-gray", "-r", str(BORDER_DPI), "-f", str(page), "-l",
                    str(page), "-x", str(x), "-y", "0", "-W", "40", "-H", "4000",
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=60)
    width, height, pixels = _pgm(stem.with_suffix(".pgm"))
    runs = {}
    for y in range(height):
        row = pixels[y * width:(y + 1) * width]
        row = row if side == "left" else row[::-1]
        dark = [p < BORDER for p in row]
        if True not in dark:
            continue
        start = dark.index(True)
        run = [*dark[start:], False].index(False)
        if start + run + 3 < width and all(abs(p - HEADER_FILL) <= 2
                                           for p in row[start + run:start + run + 3]):
            runs[y] = run
    return runs


@pytest.mark.browser
def test_pdf_tables_right_border_is_printed_whole(sample_pdf, sample_pdf_pages):
    """A full-width table's right border is as thick as its left one, 1 px (3 pixels at
    300 dpi), looked at beside its header's fill: Chromium's print used to clip two thirds of
    it at the page area's edge."""
    with_tables = []
    for number, (width, height, _) in enumerate(sample_pdf_pages, start=1):
        width_mm = 210 if width < height else 297
        left = _header_border_runs(sample_pdf, number, width_mm, "left")
        right = _header_border_runs(sample_pdf, number, width_mm, "right")
        assert set(left.values()) <= {3}, (number, left)
        assert {y: right.get(y) for y in left} == left, number
        with_tables.append(len(left) > 0)
    # The pages holding a table (the first, fourth and eighth hold charts and KPI cards).
    assert with_tables == [False, True, True, False, True, True, True, False, True, True]


def test_pdf_without_chromium_says_to_install_it(tiny_con, monkeypatch):
    monkeypatch.setattr(render_pdf, "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(RuntimeError, match="chromium"):
        progress_report_bytes(tiny_con, "pdf", "TD25", JUNE, None)


# ---------------------------------------------------------------------------------------------
# XLSX.


def _rows(sheet) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_has_one_sheet_per_table_with_filters_and_kpis(tiny_con, tmp_path):
    path = write_progress_report(tiny_con, tmp_path / "r.xlsx", "xlsx", "TD25", JUNE, None)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Chỉ số", "Tham gia theo đơn vị", "Chưa đăng ký",
                               "Tiêu chí tập thể", "Tiêu chí cá nhân", "Mức đầy đủ",
                               "Chưa nộp đánh giá", "Hồ sơ theo trạng thái", "Danh sách hồ sơ"]
    for sheet in book.worksheets:
        rows = _rows(sheet)
        assert rows[0][0] == f"{sheet.title} — TD25"
        assert rows[1][0] == f"Đợt thi đua: TD25 · {CAMPAIGN}"
        assert rows[2][0] == "Đơn vị: tất cả đơn vị"
        assert rows[3][0] == "Số liệu đến ngày: 15/06/2026"
        assert rows[4][0] == "Kỳ đánh giá: 12/2025"
        assert rows[5][0].startswith("Xuất lúc: ")
        assert sheet.freeze_panes == "A9"
    kpis = _rows(book["Chỉ số"])
    assert kpis[7] == ["Chỉ số", "Giá trị"]
    values = dict(kpis[8:])
    assert values == {
        "Thời gian đợt thi đua": "Đợt thi đua 01/10/2025 – 23/01/2026: đã kết thúc "
                                 "(143 ngày trước)",
        "Cán bộ tham gia (%)": 83.3, "Số cán bộ đã đăng ký": 5, "Tổng số cán bộ": 6,
        "Chỉ tiêu tham gia (%)": 90, "Đơn vị tham gia (%)": 66.7, "Số đơn vị đã đăng ký": 2,
        "Tổng số đơn vị": 3, "Kỳ đánh giá": "12/2025",
        "Tập thể đạt tiêu chí (%)": 100, "Tập thể: số lượt đạt": 4,
        "Tập thể: số lượt đã đánh giá": 4,
        "Cá nhân đạt tiêu chí (%)": 87.5, "Cá nhân: số lượt đạt": 7,
        "Cá nhân: số lượt đã đánh giá": 8,
        "Mức đầy đủ đánh giá (%)": 85.7, "Số kết quả đã có": 12, "Số kết quả cần có": 14,
        "Tổng số hồ sơ khen thưởng": 3, "Hồ sơ đã khen thưởng": 1, "Hồ sơ đang xét": 1,
        "Hồ sơ không khen thưởng": 1,
    }
    assert _rows(book["Chưa đăng ký"])[7:] == [
        ["Mã đơn vị", "Tên đơn vị", "Mã cán bộ", "Họ và tên", "Chức vụ", "Loại cán bộ",
         "Giới tính"],
        ["BTCD", "Ban Tiếp công dân", "CB06", "Đỗ Thị Giang", "Trưởng ban", "Công chức", "Nữ"],
    ]
    assert _rows(book["Tham gia theo đơn vị"])[8:] == [
        ["BTCD", "Ban Tiếp công dân", 1, 0, 0, "Không"],
        ["KT", "Phòng Kinh tế", 3, 3, 100, "Có"],
        ["TH", "Phòng Tổng hợp", 2, 2, 100, "Có"],
    ]
    by_status = dict(_rows(book["Hồ sơ theo trạng thái"])[8:])
    assert by_status == {STATUS[code]: n for code, n in
                         expected.SUMMARY_DEFAULT["nominations_by_status"].items()}
    individual = _rows(book["Tiêu chí cá nhân"])[8:]
    assert [r[0:3] + r[4:] for r in individual if r[0] == "KT"] == [
        ["KT", "Phòng Kinh tế", "CN1", 3, 3, 100], ["KT", "Phòng Kinh tế", "CN2", 2, 3, 66.7]]
    nominations = _rows(book["Danh sách hồ sơ"])[8:]
    assert nominations[0][:6] == ["HS01", "Nguyễn Văn An", "Cá nhân", "Phòng Kinh tế",
                                  AWARD["BKCT"], dt.datetime(2026, 1, 28)]
    assert book["Danh sách hồ sơ"]["F9"].number_format == "dd/mm/yyyy"


def test_xlsx_in_english_names_sheets_and_writes_words_in_english(tiny_con):
    data = progress_report_bytes(tiny_con, "xlsx", "TD25", JUNE, None, "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["Figures", "Participation by unit", "Not registered"]
    assert _rows(book["Participation by unit"])[8:][0][-1] == "No"
    assert _rows(book["Participation by unit"])[8:][1][-1] == "Yes"
    assert book["Nominations"]["F9"].number_format == "d mmm yyyy"
    assert _rows(book["Figures"])[3][0] == "Figures as of: 15 Jun 2026"


def test_xlsx_text_that_looks_like_a_formula_stays_text(tiny_con):
    report = build_report(tiny_con, "TD25", JUNE, None)
    key, frame = report.sheets[1]
    assert key == "unregistered"
    frame = frame.assign(full_name=["=HYPERLINK(\"x\")"])
    report.sheets[1] = (key, frame)
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    cell = book["Chưa đăng ký"]["D9"]
    assert cell.value == "'=HYPERLINK(\"x\")"
    assert cell.data_type == "s"


# ---------------------------------------------------------------------------------------------
# Command line.


@pytest.mark.parametrize("fmt", ["html", "xlsx", "pdf"])
def test_cli_report_bao_cao_writes_the_file(fmt, tiny_db, tmp_path, request):
    if fmt == "pdf":
        request.getfixturevalue("chromium")
    out = tmp_path / "nested" / f"bao_cao.{fmt}"
    result = runner.invoke(app, ["report", "--kind", "bao-cao", "--format", fmt, "--db",
                                 str(tiny_db), "--as-of", "2026-06-15", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 1000
    head = out.read_bytes()[:4]
    assert head == {"html": b"<!DO", "xlsx": b"PK\x03\x04", "pdf": b"%PDF"}[fmt]


def test_cli_report_default_name(tiny_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--kind", "bao-cao", "--format", "xlsx", "--db",
                                 str(tiny_db), "--as-of", "2025-11-30", "--unit", "KT"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bao_cao_tien_do_TD25_KT_2025-11-30.xlsx").is_file()
