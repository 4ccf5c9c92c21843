"""The checks of an import: every rule is one file of ``queries/checks``, found by listing it.

The third step of the import, after staging. Each check file says in its ``--`` header, on one
line, where it applies, which issue codes it emits and which tables it needs, e.g.::

    -- applies: table nominations; emits: status_before_proposal
    -- applies: each table; emits: required, bad_<type>
    -- applies: references; emits: unknown_reference; needs: units

``applies`` is one of ``each table`` (``{table}`` filled with every table of the input),
``each keyed table`` (also ``{key}``, ``{first_key}``), ``references`` (every pair of
``contract.reference.REFERENCES``), ``subject tables`` (``contract.reference.SUBJECT_TABLES``)
or ``table <name>`` (a plain query whose rows point at that table). ``bad_<type>`` in ``emits``
stands for ``bad_`` and every column type of the contract. A check runs only when the tables it
points at and those it ``needs`` are in the input. So adding a rule is adding one file (and its
sentence, ``issue_<code>``, to the catalogue); a file whose header cannot be read stops the
program at start-up, naming the file. The checks' rows are collected in ``import_issues``;
nothing here loops over data rows in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from thidua.contract import reference as ref
from thidua.contract.textnorm import LEGACY_FONT_PATTERN
from thidua.ingest.read import Issue, ReadResult
from thidua.paths import QUERIES_DIR
from thidua.store.sql import execute, query_text, render

ISSUE_LIMIT = 1000  # problems kept per severity for the report; the counts are always complete
CHECKS_DIR = QUERIES_DIR / "checks"
# Where a check applies -> the {placeholders} its text may use.
PLACEHOLDERS = {
    "each table": {"table"},
    "each keyed table": {"table", "key", "first_key"},
    "references": {"table", "column", "ref_table", "ref_column"},
    "subject tables": {"table"},
    "table": set(),
}
HEADER_KEYS = {"applies", "emits", "needs"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$|^bad_<type>$")


class CheckHeaderError(ValueError):
    """A file of ``queries/checks`` whose header does not say how it applies."""


@dataclass(frozen=True)
class Check:
    """One check file as its header declares it."""

    name: str  # the file stem: checks/<name>
    applies: str  # a key of PLACEHOLDERS
    table: str | None  # for ``table <name>``
    emits: tuple[str, ...]
    needs: tuple[str, ...] = ()

    def codes(self) -> tuple[str, ...]:
        """The issue codes it can emit, ``bad_<type>`` spelled out per column type."""
        types = sorted({c.type for t in ref.TABLES for c in t.columns})
        return tuple(code for pattern in self.emits for code in (
            [f"bad_{kind}" for kind in types] if pattern == "bad_<type>" else [pattern]))

    def runs(self, present: set[str]) -> Iterator[tuple[str, str]]:
        """(table its rows point at, SQL) for each time it runs on an input of ``present``."""
        if not set(self.needs) <= present:
            return
        query = f"checks/{self.name}"
        if self.applies == "table":
            if self.table in present:
                yield self.table, query_text(query)
        elif self.applies in ("each table", "each keyed table"):
            for table in ref.TABLES:
                if table.name not in present:
                    continue
                if self.applies == "each table":
                    yield table.name, render(query, table=table.name)
                elif table.key:
                    yield table.name, render(query, table=table.name, key=list(table.key),
                                             first_key=table.key[0])
        elif self.applies == "references":
            for table, column, ref_table, ref_column in ref.REFERENCES:
                if {table, ref_table} <= present:
                    yield table, render(query, table=table, column=column,
                                        ref_table=ref_table, ref_column=ref_column)
        else:  # subject tables
            for table in ref.SUBJECT_TABLES:
                if table in present:
                    yield table, render(query, table=table)


def _header_fields(path: Path, text: str) -> dict[str, str]:
    comments = []
    for line in text.lstrip().splitlines():
        if not line.startswith("--"):
            break
        comments.append(line[2:].strip())
    declared = [c for c in comments if c.startswith("applies:")]
    if len(declared) != 1:
        raise CheckHeaderError(f"{path.name}: the header needs exactly one line "
                               f"'-- applies: ...; emits: ...' (found {len(declared)})")
    fields: dict[str, str] = {}
    for part in declared[0].split(";"):
        key, sep, value = part.partition(":")
        key = key.strip()
        if not sep or key not in HEADER_KEYS or key in fields or not value.strip():
            raise CheckHeaderError(f"{path.name}: cannot read {part.strip()!r} of the header "
                                   f"(expected {sorted(HEADER_KEYS)} as 'key: value')")
        fields[key] = value.strip()
    if "emits" not in fields:
        raise CheckHeaderError(f"{path.name}: the header does not say which codes it emits")
    return fields


def _names(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def parse_check(path: Path) -> Check:
    """The :class:`Check` a file declares; CheckHeaderError naming the file if it cannot be."""
    text = path.read_text(encoding="utf-8")
    fields = _header_fields(path, text)
    applies, table = fields["applies"], None
    if applies.startswith("table "):
        applies, table = "table", applies.removeprefix("table ").strip()
    if applies not in PLACEHOLDERS:
        raise CheckHeaderError(f"{path.name}: 'applies: {applies}' is none of "
                               f"{sorted(PLACEHOLDERS)[:-1]} or 'table <name>'")
    needs, emits = _names(fields.get("needs", "")), _names(fields["emits"])
    unknown = [t for t in (table, *needs) if t is not None and t not in ref.TABLES_BY_NAME]
    bad_codes = [c for c in emits if not _CODE.match(c)]
    extra = set(_PLACEHOLDER.findall(text)) - PLACEHOLDERS[applies]
    if unknown or bad_codes or not emits or extra:
        raise CheckHeaderError(f"{path.name}: unknown tables {unknown}, bad codes {bad_codes}"
                               f" or placeholders {sorted(extra)} not filled for '{applies}'")
    return Check(path.stem, applies, table, emits, needs)


def discover_checks(folder: Path = CHECKS_DIR) -> tuple[Check, ...]:
    """Every check of ``folder``, in file name order."""
    return tuple(parse_check(p) for p in sorted(folder.glob("*.sql")))


CHECKS = discover_checks()  # at import: a bad header stops the program before any import


def run_checks(con: duckdb.DuckDBPyConnection, read: ReadResult,
               checks: tuple[Check, ...] = CHECKS) -> None:
    """Run every check on the staged tables of ``read``, filling ``import_issues``."""
    con.execute(query_text("import_log/create_import_issues"))
    present = set(read.tables)
    collect = query_text("import_log/collect_issues")
    for check in checks:
        for table_name, check_sql in check.runs(present):
            execute(con, "import_log/collect_issues", collect.replace("{check}", check_sql),
                    table_name=table_name, pattern=LEGACY_FONT_PATTERN)


def issues_from_checks(con: duckdb.DuckDBPyConnection, read: ReadResult,
                       limit: int = ISSUE_LIMIT) -> tuple[list[Issue], dict[str, int]]:
    """The first ``limit`` problems of each severity as Issues, and the full counts."""
    counts = dict(execute(con, "import_log/issue_counts").fetchall())
    cur = execute(con, "import_log/issue_rows", limit=limit,
                  table_order=[t.name for t in ref.TABLES])
    issues = []
    for table_name, severity, code, row, column, value, detail in cur.fetchall():
        raw = read.tables.get(table_name)
        label = raw.labels.get(column) if raw and column else None
        if label is None and column:
            label = ref.TABLES_BY_NAME[table_name].column(column).label_vi
        if code == "unknown_reference" and detail in read.tables:
            detail = read.tables[detail].origin  # the sheet or file as the user named it
        issues.append(Issue(severity, code, raw.origin if raw else table_name, row, column,
                            label, value, detail, table_name))
    return issues, counts
