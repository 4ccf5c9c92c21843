"""What every ``thidua`` command shares: the typer app, the two consoles, the common options.

Also the two refusals several commands make the same way (exit code 2): a bad choice of an
option and a database that is missing or lacks the campaign asked for. Every sentence printed
comes from the catalogue in the ``--lang`` language.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from thidua.catalogue import t
from thidua.cli.fast import DAY_FORMATS
from thidua.store.database import resolve_db

if TYPE_CHECKING:
    import duckdb

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
LangOption = Annotated[str, typer.Option(
    "--lang", help="Language of messages: vi (default) or en.")]
CampaignOption = Annotated[str | None, typer.Option(help="Campaign code (default: newest).")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="As-of date YYYY-MM-DD (default: today, clipped to the data).")]
UnitOption = Annotated[list[str] | None, typer.Option(
    "--unit", help="Unit code in scope; repeat for several (default: all).")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` on stderr (as text, never as markup); the Exit to raise."""
    err.print(message, style="red", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def require_choice(option: str, value: str, choices: tuple[str, ...], lang: str) -> None:
    """Exit 2 unless ``value`` is one of ``choices``."""
    if value not in choices:
        listed = ", ".join(choices[:-1]) + f" {t('cli_or', lang)} {choices[-1]}"
        raise fail(t("cli_bad_choice", lang, option=option, choices=listed, value=value))


def parse_day(text: str | None, lang: str) -> dt.date | None:
    """``--as-of`` as a date: YYYY-MM-DD or DD/MM/YYYY."""
    if text is None:
        return None
    for fmt in DAY_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise fail(t("cli_bad_day", lang, value=text))


@contextlib.contextmanager
def reading(db: Path | None, lang: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the database; exit 2 if it is missing or lacks the campaign."""
    from thidua.metrics.summary import UnknownCampaign
    from thidua.store import aggregates

    db_path = resolve_db(db)
    if not db_path.exists():
        raise fail(t("cli_no_database", lang, path=db_path))
    con = aggregates.connect_reader(db_path)  # a file of an older version: its aggregates first
    try:
        yield con
    except UnknownCampaign as exc:
        code = exc.args[0] if exc.args else ""
        raise fail(t("cli_unknown_campaign", lang, code=code, path=db_path) if code
                   else t("cli_no_campaign", lang, path=db_path)) from None
    finally:
        con.close()
