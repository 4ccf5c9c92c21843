"""``thidua summary`` for a person: a heading, the participation line, a unit table, nominations.

In the ``--lang`` language with the numbers, percents and dates of ``thidua.formats``. Kept
apart from the typer command (``thidua.cli.summary``) so that the fast path
(``thidua.cli.fast``) prints the same table without importing typer; formats (Babel) and rich
load only when the table is printed, so ``summary --json`` never loads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from thidua.catalogue import t

# (heading key, field, thidua.formats function)
UNIT_COLUMNS = (("summary_col_staff", "staff_total", "count"),
                ("summary_col_registered", "staff_registered", "count"),
                ("summary_col_collective", "collective_fulfilment_pct", "pct"),
                ("summary_col_individual", "individual_fulfilment_pct", "pct"),
                ("summary_col_complete", "completeness_pct", "pct"))


def _period(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(f"{value}-01") if value else None


def print_summary(data: dict[str, Any], lang: str) -> None:
    """The summary object as a heading, the participation line, a unit table, nominations."""
    from rich.console import Console
    from rich.table import Table

    from thidua import formats

    out = Console()

    def say(text: str) -> None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)

    say(t("summary_heading", lang, campaign=data["campaign_code"],
          as_of=formats.date(data["as_of"], lang),
          period=formats.month(_period(data["period"]), lang)))
    say(t("summary_participation", lang,
          staff_registered=formats.count(data["staff_registered"], lang),
          staff_total=formats.count(data["staff_total"], lang),
          staff_pct=formats.pct(data["staff_participation_pct"], lang),
          units_registered=formats.count(data["units_registered"], lang),
          units_total=formats.count(data["units_total"], lang),
          units_pct=formats.pct(data["unit_participation_pct"], lang)))
    table = Table()
    table.add_column(t("summary_col_unit", lang), justify="left")
    for key, _field, _format in UNIT_COLUMNS:
        table.add_column(t(key, lang), justify="right")
    for row in data["units"]:
        table.add_row(row["unit_code"], *(getattr(formats, fmt)(row[field], lang)
                                          for _key, field, fmt in UNIT_COLUMNS))
    out.print(table)
    if not data["nominations_total"]:
        say(t("summary_no_nominations", lang))
        return
    by_status = "; ".join(t("summary_status_count", lang, status=formats.status_label(code, lang),
                            n=formats.count(n, lang))
                          for code, n in data["nominations_by_status"].items() if n)
    say(t("summary_nominations", lang, total=formats.count(data["nominations_total"], lang),
          by_status=by_status))
