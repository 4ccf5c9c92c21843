"""``thidua summary``: the campaign's section-5 numbers, as the contract's JSON or for a person.

The numbers are ``thidua.metrics.summary.build_summary``'s, the same the dashboard shows; the
JSON is printed as it is (machine format), the table by ``thidua.cli.summary_table``. This is
the command's typer side (its options, ``--help`` and the refusals); ``thidua.cli.fast``
answers the same command lines without typer and hands every other one over to it.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from thidua.cli.common import (
    AsOfOption,
    CampaignOption,
    DbOption,
    LangOption,
    UnitOption,
    parse_day,
    reading,
)
from thidua.cli.summary_table import print_summary


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
