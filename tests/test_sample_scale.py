"""The province and national samples (thidua.sample.large, generated in DuckDB).

At a small rows factor: the counts (locked at seed 2025), byte-identical files for the same
seed in both formats, a clean import (0 errors), a valid and acyclic unit hierarchy, and the
contract's rules between the tables. At full size (province, in memory): the sizes named in
issue 10.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.contract.reference import TABLES
from thidua.ingest.load import load
from thidua.sample import write_sample
from thidua.sample.large.build import build_tables

SMALL = {"province": 0.01, "national": 0.002}


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _read(folder: Path, table: str) -> duckdb.DuckDBPyRelation:
    con = duckdb.connect()
    return con.read_csv(str(folder / f"{table}.csv"), all_varchar=True, header=True)


@pytest.fixture(scope="module", params=["province", "national"])
def small(request, tmp_path_factory) -> tuple[str, Path]:
    scale = request.param
    folder = tmp_path_factory.mktemp(scale)
    return scale, write_sample(folder, scale=scale, rows_factor=SMALL[scale])


def _counts(folder: Path) -> dict[str, int]:
    con = duckdb.connect()
    return {t.name: con.execute(f"select count(*) from read_csv('{folder}/{t.name}.csv', "
                                "all_varchar=true)").fetchone()[0] for t in TABLES}


def test_counts_at_a_small_factor(small) -> None:
    scale, folder = small
    expected = {
        "province": {"campaigns": 1, "units": 15, "staff": 1200, "criteria": 9,
                     "registrations": 1151, "evaluations": 22960, "nominations": 300,
                     "nomination_events": 745},
        "national": {"campaigns": 1, "units": 51, "staff": 4003, "criteria": 9,
                     "registrations": 3843, "evaluations": 76656, "nominations": 1000,
                     "nomination_events": 2540},
    }[scale]
    assert _counts(folder) == expected


def test_headers_are_the_vietnamese_labels(small) -> None:
    _, folder = small
    for table in TABLES:
        header = (folder / f"{table.name}.csv").read_text(encoding="utf-8").splitlines()[0]
        labels = [c.label_vi for c in table.columns]  # units: with «Đơn vị cấp trên»
        assert header.split(",") == labels, table.name


def test_hierarchy_is_valid_and_acyclic(small) -> None:
    scale, folder = small
    rows = _read(folder, "units").fetchall()
    parent = {code: up for code, _, _, up in rows}
    assert len(parent) == len(rows)  # codes unique
    depths = set()
    for code in parent:
        seen, node = set(), code
        while parent[node] is not None:
            assert parent[node] in parent, f"{code}: unknown parent {parent[node]}"
            assert node not in seen, f"cycle through {code}"
            seen.add(node)
            node = parent[node]
        depths.add(len(seen))
    assert depths == ({0, 1} if scale == "province" else {0, 1, 2})
    # Every staff member belongs to a unit of the table.
    staff_units = {r[0] for r in _read(folder, "staff").select('"Mã đơn vị"').fetchall()}
    assert staff_units <= set(parent)


def test_loads_with_no_errors(small, tmp_path: Path) -> None:
    _, folder = small
    result = load(folder, tmp_path / "t.duckdb", lang="en")
    assert result.outcome == "imported", [i for i in result.errors][:5]
    assert result.error_count == 0
    assert list(result.warnings) == [], list(result.warnings)[:5]  # parent_unit is known
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    assert con.execute("select count(*) from evaluations").fetchone()[0] == _counts(
        folder)["evaluations"]


def test_contract_rules_between_tables(small) -> None:
    _, folder = small
    con = duckdb.connect()
    for t in TABLES:
        con.execute(f"create view {t.name} as select * from read_csv('{folder}/{t.name}.csv', "
                    "all_varchar=true)")
    bad = con.execute("""
        select count(*) from nominations n
        left join (select "Mã hồ sơ" code, arg_max("Trạng thái", "Ngày") s, max("Ngày") d
                   from nomination_events group by 1) e on e.code = n."Mã hồ sơ"
        where coalesce(e.s, 'de_xuat') <> n."Trạng thái"
           or coalesce(e.d, n."Ngày đề nghị") <> n."Ngày trạng thái"
           or n."Ngày trạng thái" < n."Ngày đề nghị"
           or (n."Trạng thái" = 'da_khen_thuong' and n."Số quyết định" is null)""").fetchone()
    assert bad == (0,)
    # Results only for subjects registered by the end of the month.
    early = con.execute("""
        select count(*) from evaluations e join registrations r
          on r."Mã đối tượng" = e."Mã đối tượng" and r."Đối tượng" = e."Đối tượng"
        where e."Kết quả" is not null
          and cast(r."Ngày đăng ký" as date) > last_day(cast(e."Kỳ đánh giá" || '-01' as date))
    """).fetchone()
    assert early == (0,)
    # File order: month by month, the units' rows before the staff's, criteria in order.
    order = con.execute("""
        select count(*) from (
            select "Kỳ đánh giá" p, "Đối tượng" t,
                   lag("Kỳ đánh giá") over () as p0, lag("Đối tượng") over () as t0
            from evaluations)
        where p < p0 or (p = p0 and t = 'Tập thể' and t0 = 'Cá nhân')""").fetchone()
    assert order == (0,)
    statuses = {r[0] for r in con.execute('select distinct "Trạng thái" from nominations').
                fetchall()}
    assert {"da_khen_thuong", "khong_khen_thuong", "trinh_tw"} <= statuses


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_same_seed_same_bytes(tmp_path: Path, fmt: str) -> None:
    first = write_sample(tmp_path / "a", scale="province", fmt=fmt, rows_factor=0.005)
    again = write_sample(tmp_path / "b", scale="province", fmt=fmt, rows_factor=0.005)
    other = write_sample(tmp_path / "c", scale="province", seed=7, fmt=fmt, rows_factor=0.005)
    assert _digest(first) == _digest(again)
    assert sorted(_digest(first)) == sorted(f"{t.name}.{fmt}" for t in TABLES)
    assert _digest(first)[f"staff.{fmt}"] != _digest(other)[f"staff.{fmt}"]


def test_cli_writes_parquet_and_replaces_csv(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "tinh"
    for fmt in ("csv", "parquet"):
        run = runner.invoke(app, ["sample", "--scale", "province", "--out", str(out),
                                  "--format", fmt, "--rows-factor", "0.005"])
        assert run.exit_code == 0, run.output
    assert sorted(p.suffix for p in out.iterdir()) == [".parquet"] * len(TABLES)
    con = duckdb.connect()
    names = [d[0] for d in con.execute(f"select * from '{out}/units.parquet'").description]
    assert names == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"]
    bad = runner.invoke(app, ["sample", "--scale", "province", "--format", "xlsx"])
    assert bad.exit_code == 2


def test_full_province_has_the_sizes_named() -> None:
    con = duckdb.connect(config={"memory_limit": "3GB"})
    build_tables(con, "province", 2025)
    units, agencies = con.execute(
        "select count(*), count(*) filter (where parent_code is null) from units_gen").fetchone()
    staff, registered = con.execute(
        "select count(*), count(registered_on) from staff_gen").fetchone()
    assert (units, agencies) == (1500, 100)
    assert 119_000 <= staff <= 121_000
    assert 0.92 <= registered / staff <= 0.98  # DOMAIN.md: 92–98% of individuals register
    assert con.execute("select count(*) from noms_gen").fetchone()[0] == 30_000
    # Evaluations: months × criteria × subjects (units on 4 criteria, registrants on 5).
    assert 4 * (4 * units + 5 * registered) > 2_200_000


def test_parquet_folder_loads_with_no_errors(tmp_path: Path) -> None:
    folder = write_sample(tmp_path / "qg", scale="national", fmt="parquet", rows_factor=0.001)
    result = load(folder, tmp_path / "q.duckdb", lang="en")
    assert result.outcome == "imported" and result.error_count == 0
    assert result.rows["units"] == len(duckdb.connect().execute(
        f"select * from '{folder}/units.parquet'").fetchall())
