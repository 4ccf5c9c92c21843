"""The ``thidua`` command line: sample, template, load, summary (DATA_CONTRACT section 6).

Thin: each command parses its options, calls one function of the library and prints the result
with rich (tables for rows and for the error report, a progress bar while loading).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.store.database import resolve_db

app = typer.Typer(
    name="thidua",
    help="thidua: emulation campaign data (đợt thi đua) → DuckDB → dashboard.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="Database file (default: $THIDUA_DB or data/thidua.duckdb).")]
LangOption = Annotated[str, typer.Option("--lang", help="Language of messages: vi or en.")]


@app.command()
def sample(
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file or folder.")] = None,
    scale: Annotated[str, typer.Option(help="office | province | national")] = "office",
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same data).")] = 2025,
    fmt: Annotated[str, typer.Option("--format", help="csv | parquet (larger scales)")] = "csv",
) -> None:
    """Write the sample campaign of the seed plan.

    Examples:

    * `thidua sample` writes data/sample/thidua_mau.xlsx (the Office, ~150 staff)
    * `thidua sample --scale national --out /tmp/national` writes a CSV folder (~1M evaluations)
    """
    from thidua.sample import write_sample

    if scale not in ("office", "province", "national"):
        err.print(f"--scale must be office, province or national, not {scale!r}")
        raise typer.Exit(2)
    path = write_sample(out_path, scale=scale, seed=seed, fmt=fmt)
    out.print(str(path))


@app.command()
def template(
    out_path: Annotated[Path, typer.Option("--out", help="Output .xlsx file.")] = Path(
        "data/template/mau_nhap_lieu_thidua.xlsx"),
    lang: LangOption = "vi",
) -> None:
    """Write the blank import workbook: one sheet per table, drop-down lists, instructions.

    Example: `thidua template --out mau_nhap_lieu.xlsx`
    """
    from thidua.documents.template import write_template

    out.print(str(write_template(out_path, lang=lang)))


def _print_issues(title: str, issues: list, lang: str, style: str) -> None:
    """A table on a terminal; one plain line per issue when piped (logs, scripts, tests)."""
    from thidua.ingest.messages import issue_message, location, problem

    if not err.is_terminal:
        err.print(f"{title}:", highlight=False)
        for issue in issues:
            err.print(f"- {issue_message(issue, lang)}", highlight=False, markup=False,
                      soft_wrap=True)
        return
    table = Table(title=title, title_style=style, show_lines=False, expand=True)
    table.add_column(t("col_where", lang), style="bold", ratio=2)
    table.add_column(t("col_problem", lang), ratio=5)
    for issue in issues:
        table.add_row(location(issue, lang), problem(issue, lang))
    err.print(table)


@app.command()
def load(
    path: Annotated[Path, typer.Argument(help="A .xlsx workbook or a folder of CSV/Parquet.")],
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Validate and import one campaign (atomic: on any error nothing is written).

    Exit codes: 0 imported (or unchanged) · 1 rejected, every error printed · 2 unreadable input.

    Examples:

    * `thidua load data/sample/thidua_mau.xlsx`
    * `thidua load du_lieu/ --db /srv/thidua.duckdb --lang en`
    """
    from thidua.ingest.load import load as run_load

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(t("progress_reading", lang), total=1)

        def progress(key: str, n: int, total: int) -> None:
            bar.update(task, description=t(key, lang), completed=n, total=total)

        result = run_load(path, db, lang, progress)

    if result.outcome == "unreadable":
        err.print(f"[red]{t('load_unreadable', lang, message=result.message)}[/red]")
        raise typer.Exit(result.exit_code)
    if result.outcome == "rejected":
        message = t("load_rejected", lang, file=result.file_name, errors=result.error_count)
        err.print(f"[red bold]{message}[/red bold]", soft_wrap=True)
        _print_issues(t("title_errors", lang), result.errors, lang, "red")
        if result.error_count > len(result.errors):
            err.print(t("load_more_issues", lang, n=result.error_count - len(result.errors)))
    elif result.outcome == "unchanged":
        out.print(t("load_unchanged", lang, file=result.file_name,
                    campaign=result.campaign_code))
    else:
        message = t("load_imported", lang, campaign=result.campaign_code,
                    file=result.file_name, import_id=result.import_id)
        out.print(f"[green]{message}[/green]")
        rows = Table(title=t("title_rows", lang))
        rows.add_column(t("col_table", lang))
        rows.add_column(t("col_rows", lang), justify="right")
        for table in ref.TABLES:
            label = table.label_en if lang == "en" else table.label_vi
            rows.add_row(label, f"{result.rows.get(table.name, 0):,}".replace(",", "."))
        out.print(rows)
    if result.warnings:
        _print_issues(t("title_warnings", lang), result.warnings, lang, "yellow")
        if result.warning_count > len(result.warnings):
            err.print(t("load_more_issues", lang, n=result.warning_count - len(result.warnings)))
    raise typer.Exit(result.exit_code)


def _parse_day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise typer.BadParameter(f"{text!r}: expected YYYY-MM-DD or DD/MM/YYYY", param_hint="--as-of")


@app.command()
def summary(
    campaign: Annotated[str | None, typer.Option(help="Campaign code (default: newest).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="As-of date YYYY-MM-DD (default: today, clipped to the data).")] = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", help="Unit code in scope; repeat for several (default: all).")] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
) -> None:
    """Print the campaign's numbers (participation, fulfilment, completeness, nominations).

    Examples:

    * `thidua summary --json`
    * `thidua summary --campaign DH14 --as-of 2025-12-31 --unit KT --unit TH --json`

    Exit codes: 0 · 2 unknown campaign or no database.
    """
    from thidua.metrics.summary import UnknownCampaign, build_summary
    from thidua.store.database import connect_read_only

    db_path = resolve_db(db)
    if not db_path.exists():
        err.print(f"No database at {db_path}: run `thidua load` first.")
        raise typer.Exit(2)
    day = _parse_day(as_of)
    con = connect_read_only(db_path)
    try:
        data = build_summary(con, campaign, day, unit)
    except UnknownCampaign as exc:
        err.print(f"Unknown campaign {exc.args[0]!r} in {db_path}.")
        raise typer.Exit(2) from None
    finally:
        con.close()
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    _print_summary(data)


@app.command()
def report(
    kind: Annotated[str, typer.Option(
        help="danh-sach: the official nomination list (xlsx) · bao-cao: the progress report")],
    fmt: Annotated[str, typer.Option("--format", help="bao-cao: html | pdf | xlsx")] = "html",
    campaign: Annotated[str | None, typer.Option(help="Campaign code (default: newest).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="As-of date YYYY-MM-DD (default: today, clipped to the data).")] = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", help="Unit code in scope; repeat for several (default: all).")] = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", help="danh-sach: only nominations in this status (code or label); repeat "
                         "for several, e.g. --status da_khen_thuong.")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file.")] = None,
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Write the official nomination list or the campaign progress report.

    Examples:

    * `thidua report --kind danh-sach --status da_khen_thuong --out danh_sach.xlsx`
    * `thidua report --kind bao-cao --format pdf --as-of 2026-03-31 --out bao_cao.pdf`
    """
    from thidua.metrics.summary import UnknownCampaign, resolve_as_of, resolve_campaign
    from thidua.store.database import connect_read_only

    if kind not in ("danh-sach", "bao-cao"):
        err.print(f"--kind must be danh-sach or bao-cao, not {kind!r}")
        raise typer.Exit(2)
    if kind == "bao-cao" and fmt not in ("html", "pdf", "xlsx"):
        err.print(f"--format must be html, pdf or xlsx, not {fmt!r}")
        raise typer.Exit(2)
    db_path = resolve_db(db)
    if not db_path.exists():
        err.print(f"No database at {db_path}: run `thidua load` first.")
        raise typer.Exit(2)
    con = connect_read_only(db_path)
    try:
        code = resolve_campaign(con, campaign)
        day = resolve_as_of(con, code, _parse_day(as_of))
        units = [u.strip().upper() for u in unit] if unit else None
        if kind == "danh-sach":
            from thidua.documents.official_list import default_name, write_official_list

            target = out_path or Path(default_name(code, day, units, status))
            path = write_official_list(con, target, code, day, units, status, lang)
        else:
            from thidua.documents.progress import default_name, write_progress_report

            target = out_path or Path(default_name(code, day, units, fmt))
            path = write_progress_report(con, target, fmt, code, day, units, lang)
    except UnknownCampaign as exc:
        err.print(f"Unknown campaign {exc.args[0]!r} in {db_path}.")
        raise typer.Exit(2) from None
    except ValueError as exc:  # e.g. an unknown status
        err.print(str(exc))
        raise typer.Exit(2) from None
    finally:
        con.close()
    out.print(str(path))


from thidua.paths import SAMPLE_WORKBOOK, streamlit_entry  # noqa: E402


def _has_campaigns(db_path: Path) -> bool:
    from thidua.metrics.summary import campaign_codes
    from thidua.store.database import connect_read_only

    if not db_path.exists():
        return False
    con = connect_read_only(db_path)
    try:
        return bool(campaign_codes(con))
    finally:
        con.close()


@app.command()
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    host: Annotated[str, typer.Option(
        help="Address to listen on. Names and evaluations are personal data: keep the default "
             "(this computer only) until sign-in exists.")] = "127.0.0.1",
) -> None:
    """Start the dashboard (on an empty database, the bundled sample is loaded first).

    Examples:

    * `thidua serve` then open http://127.0.0.1:8501
    * `thidua serve --db /srv/thidua.duckdb --port 8600`
    """
    import os
    import subprocess

    from thidua.ingest.load import load as run_load

    db_path = resolve_db(db).resolve()
    if not _has_campaigns(db_path):
        out.print(f"Empty database {db_path}: loading the sample {SAMPLE_WORKBOOK.name}")
        outcome = run_load(SAMPLE_WORKBOOK, db_path)
        if outcome.exit_code != 0:
            err.print(outcome.message or outcome.errors[:3])
            raise typer.Exit(outcome.exit_code)
    app_file = streamlit_entry()
    out.print(f"thidua: http://{host}:{port}  (database {db_path})")
    command = [sys.executable, "-m", "streamlit", "run", str(app_file),
               "--server.address", host, "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "minimal"]
    env = {**os.environ, "THIDUA_DB": str(db_path)}
    try:
        raise typer.Exit(subprocess.call(command, env=env))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def _print_summary(data: dict) -> None:
    out.print(f"[bold]{data['campaign_code']}[/bold] · as of {data['as_of']} · "
              f"period {data['period']}")
    out.print(f"Staff {data['staff_registered']}/{data['staff_total']} "
              f"({data['staff_participation_pct']}%) · Units {data['units_registered']}/"
              f"{data['units_total']} ({data['unit_participation_pct']}%)")
    table = Table()
    for col in ("unit", "staff", "registered", "collective %", "individual %", "complete %"):
        table.add_column(col, justify="left" if col == "unit" else "right")
    for u in data["units"]:
        table.add_row(u["unit_code"], str(u["staff_total"]), str(u["staff_registered"]),
                      *(("—" if u[k] is None else f"{u[k]:.1f}") for k in (
                          "collective_fulfilment_pct", "individual_fulfilment_pct",
                          "completeness_pct")))
    out.print(table)
    out.print(f"Nominations {data['nominations_total']}: " + ", ".join(
        f"{k} {v}" for k, v in data["nominations_by_status"].items() if v))


if __name__ == "__main__":
    app()
