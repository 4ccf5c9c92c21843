"""The progress report as a document model: sections of blocks, the same for every format.

``build`` lays the model out from the queries' rows; ``render_html``, ``render_pdf`` and
``render_xlsx`` only read it, so the three formats cannot disagree on a number or a word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from thidua import formats
from thidua.catalogue import t


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section."""

    text: str


@dataclass(frozen=True)
class Note:
    """A line of text (a caption, a count, an empty state)."""

    text: str


@dataclass(frozen=True)
class Chart:
    """A Plotly figure under its heading."""

    title: str
    figure: go.Figure


@dataclass(frozen=True)
class Table:
    """Rows of a query (raw column names and codes; labelled when rendered)."""

    frame: pd.DataFrame


@dataclass(frozen=True)
class KpiCard:
    """One number of the overview with its label and detail line."""

    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class Kpis:
    """The overview's KPI cards."""

    cards: tuple[KpiCard, ...]


@dataclass(frozen=True)
class Window:
    """Where the campaign stands in its window: share elapsed (``None``: not started)."""

    fraction: float | None
    text: str


Block = Heading | Note | Chart | Table | Kpis | Window


@dataclass(frozen=True)
class Section:
    """One dashboard page of the report."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclass
class ProgressReport:
    """Everything the three formats are made from, for one campaign, scope and date."""

    lang: str
    campaign_code: str
    campaign_name: str
    as_of: dt.date
    period: dt.date | None
    unit_codes: list[str] | None
    generated_at: dt.datetime
    header_lines: list[str]
    filter_lines: list[str]
    kpi_rows: list[tuple[str, Any]]
    sections: list[Section]
    sheets: list[tuple[str, pd.DataFrame]] = field(default_factory=list)

    @property
    def charts(self) -> list[Chart]:
        """The chart blocks in document order."""
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    @property
    def figures(self) -> list[go.Figure]:
        """The figures in document order."""
        return [chart.figure for chart in self.charts]

    @property
    def title(self) -> str:
        """The document title: report kind, campaign and date."""
        return (f"{t('report_progress_title', self.lang)} — {self.campaign_name} "
                f"({self.campaign_code}) — {formats.date(self.as_of, self.lang)}")
