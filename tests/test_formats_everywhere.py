"""One value, one spelling: the same figures read the same on every surface, in both languages.

The tiny fixture's unit TH has 66.7% completeness and KT 83.3% individual fulfilment in December
2025; nomination HS01 has been "awarded" since 20/03/2026; the default as-of date is 15/06/2026
(tests/expected.py). Each surface a person reads is rendered here — the dashboard's table, a
chart, the CSV and XLSX downloads, the progress report and the CLI — and must show exactly these
strings. The CSV is the one exception by design for numbers: it is the machine-readable export,
so its numbers stay plain (``66.7``) while its words and dates follow the language.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from typer.testing import CliRunner

from dashboard.ui.tables import column_labels, display_frame, label_columns
from thidua import charts, formats
from thidua.cli import app as cli
from thidua.documents.exports import to_csv_bytes, to_xlsx_bytes
from thidua.documents.progress import build_report, render_report
from thidua.store.sql import fetch_df

AS_OF = dt.date(2026, 6, 15)
PERIOD = dt.date(2025, 12, 1)
TH_COMPLETE = {"vi": "66,7%", "en": "66.7%"}
KT_INDIVIDUAL = {"vi": "83,3%", "en": "83.3%"}
AS_OF_TEXT = {"vi": "15/06/2026", "en": "15 Jun 2026"}
HS01_SINCE = {"vi": "20/03/2026", "en": "20 Mar 2026"}
AWARDED = {"vi": "Đã có quyết định khen thưởng", "en": "Awarded"}
LANGS = ("vi", "en")


@pytest.fixture
def frames(tiny_con):
    params = {"campaign_code": "TD25", "as_of": AS_OF, "unit_codes": None}
    units = fetch_df(tiny_con, "metrics/unit_metrics", **params, period=PERIOD)
    nominations = fetch_df(tiny_con, "marts/nomination_list", **params)
    return units.set_index("unit_code", drop=False), nominations


def _row(frame, column: str, value: str) -> dict:
    matches = frame[frame[column] == value]
    assert len(matches) == 1, f"{column}={value} not found once"
    return matches.iloc[0].to_dict()


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_table(frames, lang: str):
    units, nominations = frames
    shown = display_frame(units, lang).set_index(units.index)
    label = column_labels(list(units.columns) + list(nominations.columns), lang)
    assert shown.loc["TH", label["completeness_pct"]] == TH_COMPLETE[lang]
    assert shown.loc["KT", label["individual_fulfilment_pct"]] == KT_INDIVIDUAL[lang]
    assert shown.loc["BTCD", label["completeness_pct"]] == formats.MISSING
    hs01 = display_frame(nominations, lang).iloc[list(nominations["nomination_code"]).index(
        "HS01")]
    assert hs01[label["status_since"]] == HS01_SINCE[lang]
    assert hs01[label["status"]] == AWARDED[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_chart(frames, lang: str):
    units, _ = frames
    fig = charts.completeness_by_unit(units.reset_index(drop=True), lang=lang)
    texts = dict(zip(fig.data[0].y, fig.data[0].text, strict=True))
    assert texts["TH"] == TH_COMPLETE[lang]
    assert f"({TH_COMPLETE[lang]})" in " ".join(fig.data[0].hovertext)


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_download(frames, lang: str):
    units, nominations = frames
    csv_text = to_csv_bytes(label_columns(nominations, lang), lang=lang).decode("utf-8-sig")
    hs01_line = next(line for line in csv_text.splitlines() if line.startswith("HS01"))
    assert HS01_SINCE[lang] in hs01_line.split(",")
    assert AWARDED[lang] in hs01_line.split(",")
    numbers = to_csv_bytes(units.reset_index(drop=True), lang=lang).decode("utf-8-sig")
    th_line = next(line for line in numbers.splitlines() if line.startswith("TH,"))
    assert "66.7" in th_line.split(",")  # machine-readable on purpose


@pytest.mark.parametrize("lang", LANGS)
def test_the_xlsx_download(frames, lang: str):
    _, nominations = frames
    labelled = label_columns(nominations, lang)
    data = to_xlsx_bytes(labelled, title="t", filter_lines=[], lang=lang)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    hs01 = next(row for row in rows if row[0].value == "HS01")
    header = next(row for row in rows if row[0].value == labelled.columns[0])
    cells = {h.value: c for h, c in zip(header, hs01, strict=False)}
    status_column = labelled.columns[list(nominations.columns).index("status")]
    since_column = labelled.columns[list(nominations.columns).index("status_since")]
    assert cells[status_column].value == AWARDED[lang]
    assert cells[since_column].value.date() == dt.date(2026, 3, 20)
    assert cells[since_column].number_format == formats.date_style("date", lang).excel


@pytest.mark.parametrize("lang", LANGS)
def test_the_progress_report(tiny_con, lang: str):
    report = build_report(tiny_con, "TD25", AS_OF, None, lang)
    page = render_report(report, "html").decode("utf-8")
    assert f">{TH_COMPLETE[lang]}<" in page
    assert f">{KT_INDIVIDUAL[lang]}<" in page
    assert AS_OF_TEXT[lang] in page
    assert f">{AWARDED[lang]}<" in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_cli(tiny_db, lang: str):
    result = CliRunner().invoke(cli, ["summary", "--db", str(tiny_db), "--as-of",
                                      AS_OF.isoformat(), "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert AS_OF_TEXT[lang] in lines[0]
    th = next(line for line in lines if " TH " in line)
    kt = next(line for line in lines if " KT " in line)
    assert th.split()[-2] == TH_COMPLETE[lang]
    assert kt.split()[-4] == KT_INDIVIDUAL[lang]
    assert AWARDED[lang] in lines[-1]
