"""The one look of thidua: colours and fonts of charts, pages, the projector and the documents.

Every hex colour and font stack of the product is defined here and nowhere else, so the chart
of a status, its cell in the report and its row in the slide are the same colour. The fonts are
the system's own (no web font is ever fetched): Inter or Segoe UI where installed, else Noto
Sans or DejaVu Sans, which carry every Vietnamese diacritic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FONT_STACK = "Inter, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
DOCUMENT_FONT = "Times New Roman"  # the official list: the font of Vietnamese state documents


@dataclass(frozen=True)
class Theme:
    """Colours of the desk and meeting-room screens."""

    font_family: str = FONT_STACK
    font_size: int = 15
    font_colour: str = "#1F2933"
    muted_text: str = "#5B6770"
    palette: tuple[str, ...] = (
        "#3B6E9E", "#5FA8A0", "#8C7AA9", "#C9A66B", "#6F8FAF", "#A3B18A", "#B07C7C",
    )
    primary: str = "#3B6E9E"
    muted: str = "#D5DBE1"
    grid: str = "#E5E8EB"
    axis_line: str = "#AAB4BE"  # axis lines and the hover box border of charts
    heading_fill: str = "#EEF3F8"
    paper: str = "#FFFFFF"  # the page behind a document (the HTML/PDF progress report)
    met: str = "#3A8E5C"
    warn: str = "#E0A526"
    not_met: str = "#C8553D"
    refused_text: str = "#A3352A"  # a sentence saying what was refused (6:1 on white)
    missing: str = "#DADDE1"
    target: str = "#1F2933"
    window: str = "#9FB8D0"
    # Lighter red → amber → green for cells that carry dark text.
    fulfilment_scale: tuple[tuple[float, str], ...] = (
        (0.0, "#E8836F"), (0.5, "#F2C14E"), (1.0, "#74C08D"),
    )
    # One colour per nomination status, in pipeline order (reference.STATUSES).
    status_colours: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({
        "de_xuat": "#C5CED6",
        "hoi_dong": "#93A8BC",
        "da_trinh": "#5B8DB8",
        "trinh_tw": "#2F5F8A",
        "tra_lai": "#E0A526",
        "da_khen_thuong": "#3A8E5C",
        "khong_khen_thuong": "#C8553D",
    }))
    gender_colours: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({
        "Nam": "#3B6E9E",
        "Nữ": "#C9A66B",
    }))


@dataclass(frozen=True)
class Projector:
    """White on near-black, large type: legible from the back of the meeting room."""

    background: str = "#0B1726"
    panel: str = "#13263B"
    text: str = "#FFFFFF"
    muted_text: str = "#C9D6E3"
    grid: str = "#34465A"
    button_border: str = "#5B7490"
    font_size: int = 24


@dataclass(frozen=True)
class Spreadsheet:
    """Cell colours of the XLSX files (downloads, the report, the template, the official list)."""

    note_text: str = "#444444"
    header_fill: str = "#DDEBF7"
    title_text: str = "#1F4E79"
    border: str = "#A6A6A6"
    border_strong: str = "#7F7F7F"
    guide_header_fill: str = "#D9E1F2"
    required_text: str = "#C65911"
    required_fill: str = "#F4B084"


THEME = Theme()
PROJECTOR = Projector()
SPREADSHEET = Spreadsheet()
STATUS_COLOURS: Mapping[str, str] = THEME.status_colours
