"""Every import check (a file of ``queries/checks``) fires, at the exact place, with its words.

The checks are discovered from the folder, so this module holds one firing case per file:
FIRING_CASES[check file stem] = (a change to the tiny fixture that breaks that one rule, the
issue the loader must report). A new check file without a case fails
``test_every_check_file_has_a_firing_case``. Each case is written as a CSV folder
(``tests.variants``), loaded with the real loader into a fresh database, and the issue is
compared whole: severity, code, file, Excel row, column, value, detail. Errors reject the import
(exit 1); warning checks let it through (exit 0) with the warning reported.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tests.conftest import read_tiny
from tests.variants import Tables, write_csv_folder
from thidua.catalogue import MESSAGES
from thidua.contract import reference as ref
from thidua.ingest.check import CHECKS, CHECKS_DIR, CheckHeaderError, discover_checks
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message, location, message_keys
from thidua.ingest.read import Issue
from thidua.ingest.stage import prepare
from thidua.store.schema import create_schema
from thidua.store.sql import query_text, render

Change = Callable[[Tables], None]


def set_cell(table: str, row: int, column: str, value: str) -> Change:
    """Set ``column`` of data row ``row`` (0-based; CSV line ``row + 2``) of ``table``."""
    def change(tables: Tables) -> None:
        tables[table][row][column] = value
    return change


def add_row(table: str, **values: str) -> Change:
    def change(tables: Tables) -> None:
        tables[table].append(values)
    return change


def add_second_campaign(tables: Tables) -> None:
    tables["campaigns"].append({**tables["campaigns"][0], "campaign_code": "TD26"})


FIRING_CASES: dict[str, tuple[Change, Issue]] = {
    "awarded_without_decision": (
        set_cell("nominations", 0, "decision_ref", ""),
        Issue("warning", "awarded_without_decision", "nominations.csv", 2, "decision_ref",
              "decision_ref", "HS01", None, "nominations")),
    "campaign_end_before_start": (
        set_cell("campaigns", 0, "end_date", "2025-09-01"),
        Issue("error", "end_before_start", "campaigns.csv", 2, "end_date", "end_date",
              "01/09/2025", "01/10/2025", "campaigns")),
    "campaign_row_count": (
        add_second_campaign,
        Issue("error", "campaign_rows", "campaigns.csv", 2, "campaign_code", "campaign_code",
              None, "2", "campaigns")),
    "cell_values": (
        set_cell("registrations", 2, "registered_on", "31/02/2025"),
        Issue("error", "bad_date", "registrations.csv", 4, "registered_on", "registered_on",
              "31/02/2025", None, "registrations")),
    "criterion_wrong_subject": (
        set_cell("evaluations", 4, "criterion_code", "TT1"),
        Issue("error", "criterion_wrong_subject", "evaluations.csv", 6, "criterion_code",
              "criterion_code", "TT1", "tap_the|ca_nhan", "evaluations")),
    "duplicate_key": (
        set_cell("staff", 5, "staff_code", "CB02"),
        Issue("error", "duplicate_key", "staff.csv", 7, "staff_code", "staff_code", "CB02",
              "3", "staff")),
    "event_before_proposal": (
        set_cell("nomination_events", 0, "event_date", "2026-01-20"),
        Issue("error", "event_before_proposal", "nomination_events.csv", 2, "event_date",
              "event_date", "20/01/2026", "28/01/2026", "nomination_events")),
    "events_disagree_status": (
        add_row("nomination_events", nomination_code="HS02", status="da_trinh",
                event_date="2026-02-20", note=""),
        Issue("error", "events_disagree", "nominations.csv", 3, "status", "status",
              "hoi_dong · 05/02/2026", "da_trinh · 20/02/2026", "nominations")),
    "legacy_font": (
        set_cell("staff", 0, "full_name", "NguyÔn V¨n An"),
        Issue("error", "legacy_font", "staff.csv", 2, "full_name", "full_name",
              "NguyÔn V¨n An", "1", "staff")),
    "registration_outside_window": (
        set_cell("registrations", 0, "registered_on", "2025-09-15"),
        Issue("warning", "registration_outside_window", "registrations.csv", 2,
              "registered_on", "registered_on", "15/09/2025", "01/10/2025 – 23/01/2026",
              "registrations")),
    "status_before_proposal": (
        set_cell("nominations", 2, "status_date", "2026-02-01"),
        Issue("error", "status_before_proposal", "nominations.csv", 4, "status_date",
              "status_date", "01/02/2026", "10/02/2026", "nominations")),
    "unknown_reference": (
        set_cell("staff", 4, "unit_code", "XYZ"),
        Issue("error", "unknown_reference", "staff.csv", 6, "unit_code", "unit_code", "XYZ",
              "units.csv", "staff")),
    "parent_unit_unknown": (
        set_cell("units", 1, "parent_unit", "xyz"),
        Issue("error", "parent_unit_unknown", "units.csv", 3, "parent_unit", "parent_unit",
              "xyz", None, "units")),
    "parent_unit_self": (
        set_cell("units", 2, "parent_unit", "btcd"),
        Issue("error", "parent_unit_self", "units.csv", 4, "parent_unit", "parent_unit",
              "btcd", None, "units")),
    "parent_unit_cycle": (
        lambda tables: (set_cell("units", 0, "parent_unit", "TH")(tables),
                        set_cell("units", 1, "parent_unit", "KT")(tables)),
        Issue("error", "parent_unit_cycle", "units.csv", 2, "parent_unit", "parent_unit",
              "TH", "KT → TH → KT", "units")),
    "cell_marks": (
        set_cell("evaluations", 3, "score", "#DIV/0!"),
        Issue("error", "error_value", "evaluations.csv", 5, "score", "score", "#DIV/0!", None,
              "evaluations")),
    "unknown_subject": (
        set_cell("registrations", 0, "subject_code", "ZZ"),
        Issue("error", "unknown_subject", "registrations.csv", 2, "subject_code",
              "subject_code", "ZZ", "tap_the", "registrations")),
}
CHECKS_BY_NAME = {c.name: c for c in CHECKS}


def test_every_check_file_has_a_firing_case():
    files = sorted(p.stem for p in CHECKS_DIR.glob("*.sql"))
    assert files == sorted(FIRING_CASES)
    assert [c.name for c in CHECKS] == files


def test_no_two_checks_emit_the_same_code():
    """So an issue's code names the one check that reported it."""
    codes = [code for check in CHECKS for code in check.codes()]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("name", sorted(FIRING_CASES))
def test_the_check_fires_at_the_exact_place(name: str, tmp_path: Path):
    change, expected = FIRING_CASES[name]
    assert expected.code in CHECKS_BY_NAME[name].codes()
    tables = copy.deepcopy(read_tiny())
    change(tables)
    folder = write_csv_folder(tmp_path / name, tables, lambda s: s.encode("utf-8"))
    result = load(folder, tmp_path / "fresh.duckdb")
    if expected.severity == "error":
        assert (result.outcome, result.exit_code) == ("rejected", 1)
        reported = result.errors
    else:
        assert (result.outcome, result.exit_code, result.errors) == ("imported", 0, [])
        reported = result.warnings
    assert [i for i in reported if i.code == expected.code] == [expected]
    where = f"Tệp «{expected.origin}», dòng {expected.row}, cột «{expected.label}»"
    assert location(expected, "vi") == where
    sentence = issue_message(expected, "en")
    assert sentence.startswith(f"File '{expected.origin}', row {expected.row}, column "
                               f"'{expected.label}': ")
    assert "{" not in sentence and "{" not in issue_message(expected, "vi")


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_every_code_a_check_emits_has_its_words(check):
    for code in check.codes():
        for key in message_keys(code):
            assert key in MESSAGES, (check.name, code, key)
            vi, en = MESSAGES[key]
            assert vi.strip() and en.strip() and vi != en, (check.name, key)


def test_a_check_without_its_header_line_stops_the_start(tmp_path: Path):
    folder = tmp_path / "checks"
    folder.mkdir()
    (folder / "good.sql").write_text(
        "-- Fine.\n-- applies: table staff; emits: fine\nselect 1\n", encoding="utf-8")
    (folder / "no_header.sql").write_text("-- Rows of something.\nselect 1\n", encoding="utf-8")
    with pytest.raises(CheckHeaderError, match=r"^no_header\.sql: the header needs exactly one"):
        discover_checks(folder)


@pytest.mark.parametrize(("header", "complaint"), [
    ("-- applies: every table; emits: x", r"^bad\.sql: 'applies: every table' is none of"),
    ("-- applies: table stafff; emits: x", r"^bad\.sql: unknown tables \['stafff'\]"),
    ("-- applies: table staff", r"^bad\.sql: the header does not say which codes it emits"),
    ("-- applies: table staff; emits: x; wants: y", r"^bad\.sql: cannot read 'wants: y'"),
    ("-- applies: table staff; emits: x; needs: unitz", r"^bad\.sql: unknown tables \['unitz'\]"),
])
def test_a_bad_header_names_the_file(tmp_path: Path, header: str, complaint: str):
    (tmp_path / "bad.sql").write_text(f"-- Rows.\n{header}\nselect 1\n", encoding="utf-8")
    with pytest.raises(CheckHeaderError, match=complaint):
        discover_checks(tmp_path)


def test_a_placeholder_the_header_cannot_fill_is_refused(tmp_path: Path):
    (tmp_path / "bad.sql").write_text(
        "-- Rows.\n-- applies: table staff; emits: x\nselect * from typ_{table}\n",
        encoding="utf-8")
    with pytest.raises(CheckHeaderError, match=r"^bad\.sql: .*placeholders \['table'\]"):
        discover_checks(tmp_path)


@pytest.mark.parametrize("table", [t for t in ref.TABLES
                                   if any(c.type == "text" and not c.required
                                          for c in t.columns)], ids=lambda t: t.name)
def test_an_optional_text_cell_is_typed_as_its_staged_text(table):
    """cell_values leaves optional text columns out (their typed value is never NULL unless
    the cell is blank): every typed_<table> must keep such a cell's staged text unchanged."""
    con = duckdb.connect()
    create_schema(con)
    prepare(con)
    texts = ["Ghi chú «1»", "0", "not a date", "Đạt", "x" * 300]
    arrays = {"_row": pa.array(range(2, 2 + len(texts)), pa.int32())}
    for col in table.columns:
        arrays[col.name] = pa.array(texts, pa.string())
    con.register("raw_rows", pa.table(arrays))
    con.execute(render("staging/stage_table", table=table.name))
    con.execute(query_text(f"staging/typed_{table.name}"))
    for col in table.columns:
        if col.type == "text" and not col.required:
            got = con.execute(f"select t.{col.name}, s.{col.name} from typ_{table.name} t "
                              f"join stg_{table.name} s using (_row)").fetchall()
            assert len(got) == len(texts)
            assert all(typed == staged and typed is not None for typed, staged in got), col.name
