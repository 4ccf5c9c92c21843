"""``thidua summary``: the campaign's section-5 numbers, as the contract's JSON or for a person.

The numbers are ``thidua.metrics.summary.build_summary``'s, the same the dashboard shows; the
JSON is printed as it is (machine format), the table in the ``--lang`` language with the
numbers, percents and dates of ``thidua.formats``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated, Any

import typer

from thidua.catalogue import t
from thidua.cli.common import (
    AsOfOption,
    CampaignOption,
    DbOption,
    LangOption,
    UnitOption,
    out,
    parse_day,
    reading,
)

# (heading key, field, thidua.formats function): formats (Babel) and rich load only for the
# table a person reads, so ``summary --json`` starts fast.
UNIT_COLUMNS = (("summary_col_staff", "staff_total", "count"),
                ("summary_col_registered", "staff_registered", "count"),
                ("summary_col_collective", "collective_fulfilment_pct", "pct"),
                ("summary_col_individual", "individual_fulfilment_pct", "pct"),
                ("summary_col_complete", "completeness_pct", "pct"))


def summary(
    campaign: CampaignOption = None,
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    lang: LangOption = "vi",
    rollup: Annotated[bool, typer.Option(
        "--rollup", help="Add 'rollups' to the JSON: each unit with units below it, added up.")
    ] = False,
) -> None:
    """Print the campaign's numbers (participation, fulfilment, completeness, nominations).

    Examples:

    * `thidua summary --json`
    * `thidua summary --campaign DH14 --as-of 2025-12-31 --unit KT --unit TH --json`

    Exit codes: 0 · 2 unknown campaign or no database.
    """
    from thidua.metrics.summary import build_summary

    day = parse_day(as_of, lang)
    with reading(db, lang) as con:
        data = build_summary(con, campaign, day, unit, rollup=rollup)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    print_summary(data, lang)


def _period(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(f"{value}-01") if value else None


def print_summary(data: dict[str, Any], lang: str) -> None:
    """The summary object as a heading, the participation line, a unit table, nominations."""
    from rich.table import Table

    from thidua import formats

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
