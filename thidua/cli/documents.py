"""The commands that write files: ``sample`` (the demo campaign), ``template`` (the blank import
workbook) and ``report`` (the official nomination list, the progress report).

Each checks its choices, asks one engine function for the file and prints the path it wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.common import (
    AsOfOption,
    CampaignOption,
    DbOption,
    LangOption,
    UnitOption,
    fail,
    out,
    parse_day,
    reading,
    require_choice,
)

SCALES = ("office", "province", "national")
REPORT_KINDS = ("danh-sach", "bao-cao")
REPORT_FORMATS = ("html", "pdf", "xlsx")


def sample(
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file or folder.")] = None,
    scale: Annotated[str, typer.Option(help="office | province | national")] = "office",
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same data).")] = 2025,
    fmt: Annotated[str, typer.Option("--format", help="csv | parquet (larger scales)")] = "csv",
    rows_factor: Annotated[float, typer.Option(
        "--rows-factor", hidden=True, min=0.0001, max=1.0,
        help="Shrink the larger scales' counts (tests).")] = 1.0,
    lang: LangOption = "vi",
) -> None:
    """Write the sample campaign of the seed plan.

    Examples:

    * `thidua sample` writes data/sample/thidua_mau.xlsx (the Office, ~150 staff)
    * `thidua sample --scale province --out /tmp/tinh` writes a CSV folder: ~1,500 units
      (agencies and their units), 120,000 staff, 2.3M evaluations, 30,000 nominations
    * `thidua sample --scale national --format parquet --out /tmp/qg`: ~25,000 units,
      2,000,000 staff, 38M evaluations, 500,000 nominations (a minute or so)
    """
    from thidua.sample import write_sample

    require_choice("--scale", scale, SCALES, lang)
    require_choice("--format", fmt, ("csv", "parquet"), lang)
    path = write_sample(out_path, scale=scale, seed=seed, fmt=fmt, rows_factor=rows_factor)
    out.print(str(path), markup=False, highlight=False)


def template(
    out_path: Annotated[Path, typer.Option("--out", help="Output .xlsx file.")] = Path(
        "data/template/mau_nhap_lieu_thidua.xlsx"),
    lang: LangOption = "vi",
) -> None:
    """Write the blank import workbook: one sheet per table, drop-down lists, instructions.

    Example: `thidua template --out mau_nhap_lieu.xlsx`
    """
    from thidua.documents.template import write_template

    out.print(str(write_template(out_path, lang=lang)), markup=False, highlight=False)


def report(
    kind: Annotated[str, typer.Option(
        help="danh-sach: the official nomination list (xlsx) · bao-cao: the progress report")],
    fmt: Annotated[str, typer.Option("--format", help="bao-cao: html | pdf | xlsx")] = "html",
    campaign: CampaignOption = None,
    as_of: AsOfOption = None,
    unit: UnitOption = None,
    status: Annotated[list[str] | None, typer.Option(
        "--status", help="danh-sach: only nominations in this status (code or label); repeat "
                         "for several, e.g. --status da_khen_thuong; `all` for every status "
                         "(default: those the Office sends on: hoi_dong, da_trinh, "
                         "trinh_tw).")] = None,
    agency: Annotated[str | None, typer.Option(
        "--agency", help="danh-sach: the issuing body's two heading lines, split by |, e.g. "
                         "'UBND TỈNH QUẢNG NINH|VĂN PHÒNG' (default: $THIDUA_AGENCY, else "
                         "'UBND TỈNH|VĂN PHÒNG').")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file.")] = None,
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Write the official nomination list or the campaign progress report.

    Examples:

    * `thidua report --kind danh-sach --out danh_sach.xlsx` (the nominations the Office sends on)
    * `thidua report --kind danh-sach --status all --agency 'UBND TỈNH NGHỆ AN|VĂN PHÒNG'`
    * `thidua report --kind bao-cao --format pdf --as-of 2026-03-31 --out bao_cao.pdf`
    """
    from thidua.metrics.summary import resolve_as_of, resolve_campaign

    require_choice("--kind", kind, REPORT_KINDS, lang)
    if kind == "bao-cao":
        require_choice("--format", fmt, REPORT_FORMATS, lang)
    with reading(db, lang) as con:
        code = resolve_campaign(con, campaign)
        day = resolve_as_of(con, code, parse_day(as_of, lang))
        units = [u.strip().upper() for u in unit] if unit else None
        try:
            if kind == "danh-sach":
                from thidua.documents.official_list import (
                    agency_lines,
                    default_name,
                    list_statuses,
                    write_official_list,
                )

                statuses = list_statuses(status, lang)
                target = out_path or Path(default_name(code, day, units, statuses))
                path = write_official_list(con, target, code, day, units, statuses, lang,
                                           agency_lines(agency))
            else:
                from thidua.documents.progress import default_name, write_progress_report

                target = out_path or Path(default_name(code, day, units, fmt))
                path = write_progress_report(con, target, fmt, code, day, units, lang)
        except ValueError as exc:  # e.g. an unknown status
            raise fail(str(exc)) from None
    out.print(str(path), markup=False, highlight=False)
