"""The progress report's entry points: a report's bytes in a format, a file, and its name.

``progress_report_bytes`` builds and renders in one go (the CLI); the dashboard builds under
its database lock and renders outside it (``build_report`` then ``render_report``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from thidua.documents.exports import file_day, slugify, units_part
from thidua.documents.progress import render_pdf
from thidua.documents.progress.build import build_report
from thidua.documents.progress.model import ProgressReport
from thidua.documents.progress.render_html import interactive_html
from thidua.documents.progress.render_xlsx import render_xlsx

FORMATS = ("html", "pdf", "xlsx")


def check_format(fmt: str) -> str:
    """``fmt`` as one of :data:`FORMATS` (case and a leading dot ignored), else ValueError."""
    fmt = fmt.strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def render_report(report: ProgressReport, fmt: str) -> bytes:
    """A built report as html, pdf or xlsx bytes; needs no database connection."""
    fmt = check_format(fmt)
    if fmt == "html":
        return interactive_html(report).encode("utf-8")
    if fmt == "pdf":
        return render_pdf.render_pdf(report)
    return render_xlsx(report)


def progress_report_bytes(con: duckdb.DuckDBPyConnection, fmt: str, campaign_code: str,
                          as_of: dt.date, unit_codes: list[str] | None, lang: str = "vi", *,
                          now: dt.datetime | None = None) -> bytes:
    """The progress report of one campaign, unit scope and as-of date as html, pdf or xlsx."""
    fmt = check_format(fmt)
    if fmt == "pdf":
        render_pdf.require_chromium()  # fail before the queries and the figures
    return render_report(build_report(con, campaign_code, as_of, unit_codes, lang, now=now), fmt)


def write_progress_report(con: duckdb.DuckDBPyConnection, out: Path, fmt: str,
                          campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                          lang: str = "vi") -> Path:
    """Write the report to ``out`` (parent folders created); returns ``out``."""
    data = progress_report_bytes(con, fmt, campaign_code, as_of, unit_codes, lang)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


def default_name(campaign_code: str, as_of: dt.date, unit_codes: list[str] | None,
                 fmt: str) -> str:
    """``bao_cao_tien_do_<campaign>[_<units>]_<yyyy-mm-dd>.<fmt>``, ASCII only.

    Units: their codes joined by hyphens (up to three), ``<n>-don-vi`` for more; nothing
    without a unit filter.
    """
    parts = ["bao_cao_tien_do", slugify(campaign_code, lower=False) or "dot"]
    units = units_part(unit_codes)
    if units:
        parts.append(units)
    parts.append(file_day(as_of))
    return "_".join(parts) + "." + (slugify(fmt.lstrip(".")) or "html")
