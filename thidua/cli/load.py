"""``thidua load``: import one campaign and print what happened, in the ``--lang`` language.

A progress bar while the loader works (on a terminal only), then the outcome: the rows imported
per table, or every error located (sheet or file, row, column), and the warnings. On a terminal
the problems are a table; piped into a log they are one plain line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.catalogue import t
from thidua.cli.common import DbOption, LangOption, err, out
from thidua.contract import reference as ref

# The loader (pyarrow, calamine), rich's tables and progress bar and thidua.formats (Babel) are
# imported only when ``load`` runs: every command of the CLI imports this module at start-up.
if TYPE_CHECKING:
    from thidua.ingest.publish import ImportOutcome
    from thidua.ingest.read import Issue


def print_issues(title: str, issues: list[Issue], lang: str, style: str) -> None:
    """A table on a terminal; one plain line per issue when piped (logs, scripts, tests)."""
    from rich.table import Table
    from rich.text import Text

    from thidua.ingest.messages import issue_message, location, problem

    if not err.is_terminal:
        err.print(f"{title}:", highlight=False, markup=False)
        for issue in issues:
            err.print(f"- {issue_message(issue, lang)}", highlight=False, markup=False,
                      soft_wrap=True)
        return
    table = Table(title=title, title_style=style, show_lines=False, expand=True)
    table.add_column(t("col_where", lang), style="bold", ratio=2)
    table.add_column(t("col_problem", lang), ratio=5)
    for issue in issues:
        table.add_row(Text(location(issue, lang)), Text(problem(issue, lang)))
    err.print(table)


def _say(console, text: str, style: str | None = None) -> None:
    console.print(text, style=style, markup=False, highlight=False, soft_wrap=True)


def _print_rows(result: ImportOutcome, lang: str) -> None:
    from rich.table import Table

    from thidua import formats

    rows = Table(title=t("title_rows", lang))
    rows.add_column(t("col_table", lang))
    rows.add_column(t("col_rows", lang), justify="right")
    for table in ref.TABLES:
        label = table.label_en if lang == "en" else table.label_vi
        rows.add_row(label, formats.count(result.rows.get(table.name, 0), lang))
    out.print(rows)


def rejected_sentence(file_name: str, error_count: int, lang: str) -> str:
    """'… was not imported: 1 error.' / '… 12 errors.': the count in the language's digits."""
    from thidua import formats

    if error_count == 1:
        return t("cli_load_rejected_one", lang, file=file_name)
    return t("cli_load_rejected_many", lang, file=file_name,
             errors=formats.count(error_count, lang))


def print_outcome(result: ImportOutcome, lang: str) -> None:
    """The outcome sentence, then the rows imported or the errors, then the warnings."""
    from thidua import formats

    if result.outcome == "unreadable":
        _say(err, t("load_unreadable", lang, message=result.message), "red")
        return
    if result.outcome == "failed":
        _say(err, t("load_failed", lang, message=result.message), "red")
        return
    if result.outcome == "needs_confirmation":
        _say(err, result.message, "red bold")
        _say(err, t("load_replace_all_hint", lang))
        return
    if result.outcome == "rejected":
        _say(err, rejected_sentence(result.file_name, result.error_count, lang), "red bold")
        print_issues(t("title_errors", lang), result.errors, lang, "red")
        if result.error_count > len(result.errors):
            _say(err, t("load_more_issues", lang,
                        n=formats.count(result.error_count - len(result.errors), lang)))
    elif result.outcome == "unchanged":
        _say(out, t("load_unchanged", lang, file=result.file_name,
                    campaign=result.campaign_code))
    else:
        _say(out, t("load_imported", lang, campaign=result.campaign_code,
                    file=result.file_name, import_id=result.import_id), "green")
        _print_rows(result, lang)
    if result.warnings:
        print_issues(t("title_warnings", lang), result.warnings, lang, "yellow")
        if result.warning_count > len(result.warnings):
            _say(err, t("load_more_issues", lang,
                        n=formats.count(result.warning_count - len(result.warnings), lang)))


def load(
    path: Annotated[Path, typer.Argument(help="A .xlsx workbook or a folder of CSV/Parquet.")],
    db: DbOption = None,
    lang: LangOption = "vi",
    replace_all: Annotated[bool, typer.Option(
        "--replace-all", help="Confirm an import that removes most of a table's rows.")] = False,
) -> None:
    """Validate and import one campaign (atomic: on any error nothing is written).

    Exit codes: 0 imported (or unchanged) · 1 rejected, every error printed · 2 unreadable
    input or usage, or a database that cannot be written (read-only, full disk, another import
    still holding the lock after $THIDUA_LOCK_TIMEOUT_S seconds) · 3 needs confirmation: the
    import would remove most of a campaign's rows from a table (load again with --replace-all).
    The file replaced is kept as a version: see `thidua imports` and `thidua restore`.

    Examples:

    * `thidua load data/sample/thidua_mau.xlsx`
    * `thidua load du_lieu/ --db /srv/thidua.duckdb --lang en`
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from thidua.ingest.load import load as run_load
    from thidua.ingest.priority import give_way

    give_way()  # page runs of the dashboard on this server go first (THIDUA_IMPORT_NICE)

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(t("progress_reading", lang), total=1)

        def progress(key: str, n: int, total: int) -> None:
            bar.update(task, description=t(key, lang), completed=n, total=total)

        def waiting(holder: dict) -> None:
            _say(err, t("lock_waiting", lang, **({"file": "?", "user": "?", "pid": "?"}
                                                 | holder)))

        result = run_load(path, db, lang, progress, replace_all=replace_all, on_wait=waiting)
    print_outcome(result, lang)
    raise typer.Exit(result.exit_code)
