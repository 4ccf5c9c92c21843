"""The typer app of the ``thidua`` command line: sample, template, load, summary, report, serve.

Thin: each command parses its options, calls one function of the engine and prints the result
with rich (tables for rows and for the error report, a progress bar while loading). The commands
live by role (``documents``: sample, template and report; ``load``; ``summary``; ``serve``) and
are registered here, in the order ``thidua --help`` lists them; ``thidua.cli.app`` is this app,
built on first use (``thidua.cli.main`` runs it for every command line ``thidua.cli.fast``
hands over). Every command takes ``--lang vi|en`` (Vietnamese by default).
"""

from __future__ import annotations

from thidua.cli import documents, imports, load, serve, summary, users
from thidua.cli.common import app

app.command("sample")(documents.sample)
app.command("template")(documents.template)
app.command("load")(load.load)
app.command("imports")(imports.imports)
app.command("restore")(imports.restore)
app.command("summary")(summary.summary)
app.command("report")(documents.report)
app.command("serve")(serve.serve)
app.add_typer(users.app, name="users")

__all__ = ["app"]
