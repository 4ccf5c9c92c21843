"""``thidua summary`` without typer: the command line's fast path (issue 10, fast commands).

Building the typer app imports typer, click, rich and pydantic and every command's module,
which took longer than the summary's queries. ``main`` reads ``sys.argv`` itself when it is a
summary in the plain form of the typer command's options (``--campaign``, ``--as-of``,
``--unit`` repeated, ``--db``, ``--lang``, each as ``--opt VALUE`` or ``--opt=VALUE``, and the
flags ``--json`` and ``--rollup``) and prints the same JSON or table. Anything else — another
command, ``--help``, an unknown or incomplete option, a value that looks like an option — and
any summary it cannot finish (a bad date, no database, an unknown campaign, any error) goes to
the typer app with the same arguments, which redoes it and says what is wrong in the same
words and with the same exit code as before. Nothing is printed until the summary is whole, so
a hand-over never prints twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import sys
from typing import Any

DAY_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")  # --as-of, also read by thidua.cli.common.parse_day
VALUED = {"--campaign": "campaign", "--as-of": "as_of", "--unit": "unit", "--db": "db",
          "--lang": "lang"}
FLAGS = {"--json": "as_json", "--rollup": "rollup"}


class HandOver(Exception):
    """The fast path stops here; the typer app takes the command line."""


def parse(args: list[str]) -> dict[str, Any] | None:
    """The summary's options from the arguments after ``summary``; None to hand over."""
    opts: dict[str, Any] = {"campaign": None, "as_of": None, "unit": [], "db": None,
                            "lang": "vi", "as_json": False, "rollup": False}
    rest = iter(args)
    for arg in rest:
        name, eq, value = arg.partition("=")
        if name in FLAGS and not eq:
            opts[FLAGS[name]] = True
            continue
        if name not in VALUED:
            return None
        if not eq:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None
        if VALUED[name] == "unit":
            opts["unit"].append(value)
        else:
            opts[VALUED[name]] = value  # repeated: the last one counts, as with click
    return opts


def parse_day(text: str | None) -> dt.date | None:
    """``--as-of`` as a date (YYYY-MM-DD or DD/MM/YYYY); HandOver if it is neither."""
    if text is None:
        return None
    for fmt in DAY_FORMATS:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(text, fmt).date()
    raise HandOver


def summary_data(opts: dict[str, Any], left_open: list | None = None) -> dict[str, Any]:
    """The summary object the options ask for, read from the database read-only.
    ``left_open``: a list to put the connection in instead of closing it, for a process that
    ends right after with ``os._exit`` (the engine's teardown is ~5 ms of a summary)."""
    from thidua.metrics.summary import build_summary
    from thidua.store import aggregates
    from thidua.store.location import resolve_db
    from thidua.store.sql import SUMMARY_MACROS

    day = parse_day(opts["as_of"])
    db = resolve_db(opts["db"])
    if not db.exists():
        raise HandOver
    # A file of an older version: its aggregates first. The summary's queries are metrics/.
    con = aggregates.connect_reader(db, SUMMARY_MACROS)
    try:
        data = build_summary(con, opts["campaign"], day, opts["unit"] or None,
                             rollup=opts["rollup"])
    except BaseException:
        con.close()
        raise
    if left_open is None:
        con.close()
    else:
        left_open.append(con)
    return data


def summary(opts: dict[str, Any], left_open: list | None = None) -> None:
    """Print the summary as ``thidua summary`` does (JSON or the table of a person)."""
    data = summary_data(opts, left_open)
    if opts["as_json"]:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    from thidua.cli.summary_table import print_summary

    print_summary(data, opts["lang"])


def main(argv: list[str] | None = None, *, exit_when_done: bool = False) -> None:
    """The fast summary if it can answer ``argv`` (default ``sys.argv[1:]``), else typer.
    ``exit_when_done`` (the console script, ``python -m thidua``): a summary printed and
    flushed ends the process there (``os._exit``), without closing the read-only connection
    or tearing the interpreter down: nothing is left to write. The collector is off meanwhile
    (a run of a tenth of a second makes no garbage worth a collection, ~3 ms)."""
    args = sys.argv[1:] if argv is None else argv
    opts = parse(args[1:]) if args[:1] == ["summary"] else None
    if opts is not None:
        left_open: list = []
        gc.disable()
        try:
            summary(opts, left_open if exit_when_done else None)
            if exit_when_done:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(0)
            return
        except Exception:  # every refusal and error is the typer app's to report
            for con in left_open:
                con.close()
        finally:
            gc.enable()
    from thidua.cli.commands import app

    app(args=argv)  # None: click reads sys.argv and names the program as before
