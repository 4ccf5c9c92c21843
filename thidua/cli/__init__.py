"""The ``thidua`` command line: sample, template, load, imports, restore, summary, report, serve,
users.

The console script is ``thidua.cli:main`` (also ``python -m thidua`` and ``python -m
thidua.cli``). ``thidua summary`` goes first to ``thidua.cli.fast``, which answers it without
importing typer, click, rich or pydantic (issue 10: a summary in a few hundred milliseconds);
every other command line, and every summary the fast path does not finish (``--help``, a bad
option, an error to report), goes to the typer ``app`` of ``thidua.cli.commands``, which is
built only then. ``from thidua.cli import app`` gives that app (tests hand it to typer's
``CliRunner``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    app: typer.Typer

__all__ = ["app", "main"]


def main() -> None:
    """Run the command line of ``sys.argv``: the fast summary (which ends the process once it
    has printed), else the typer app."""
    from thidua.cli import fast

    fast.main(exit_when_done=True)


def __getattr__(name: str) -> Any:
    """``app``: the typer app, imported (and its commands registered) on first use."""
    if name == "app":
        from thidua.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
