"""The progress report as PDF: static charts by kaleido, printed by headless Chromium.

The figures are rendered to PNG by kaleido in one browser start and embedded as ``data:``
images in a static variant of the HTML (``render_html``), which Debian's ``/usr/bin/chromium``
prints to A4. Chromium runs in its own process group with a throw-away profile; a print that
hangs is killed after :data:`PDF_TIMEOUT_S`.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import plotly.graph_objects as go

from thidua.documents.progress.model import ProgressReport
from thidua.documents.progress.render_html import chart_height, esc, render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                 "--no-first-run", "--no-default-browser-check")
PDF_TIMEOUT_S = 120.0
STATIC_WIDTH_PX = 900  # layout width of a chart in the PDF (printed about 180 mm wide)
STATIC_SCALE = 2.0  # pixels per layout pixel of the PNG: sharp on paper


def figures_png(figures: Sequence[go.Figure], width: int = STATIC_WIDTH_PX,
                scale: float = STATIC_SCALE) -> list[bytes]:
    """The figures as PNG images, rendered by kaleido in one browser start (no MathJax)."""
    if not figures:
        return []
    if CHROMIUM.exists():
        os.environ.setdefault("BROWSER_PATH", str(CHROMIUM))
    import kaleido

    with tempfile.TemporaryDirectory(prefix="thidua-figures-") as tmp:
        paths = [Path(tmp) / f"figure-{i}.png" for i in range(len(figures))]
        specs = [{"fig": fig.to_dict(), "path": path,
                  "opts": {"format": "png", "width": width, "height": chart_height(fig),
                           "scale": scale}}
                 for fig, path in zip(figures, paths, strict=True)]
        kaleido.write_fig_from_object_sync(specs, kopts={"mathjax": False},
                                           cancel_on_error=True)
        return [path.read_bytes() for path in paths]


def static_html(report: ProgressReport, images: Sequence[bytes] | None = None) -> str:
    """The HTML with the figures as embedded PNG images (the PDF's source)."""
    pngs = list(images) if images is not None else figures_png(report.figures)
    figures = iter(pngs)
    alt = iter(chart.title for chart in report.charts)

    def chart_html(_fig: go.Figure) -> str:
        data = base64.b64encode(next(figures)).decode("ascii")
        return f'<img alt="{esc(next(alt))}" src="data:image/png;base64,{data}">'

    return render_html(report, chart_html)


def require_chromium() -> Path:
    """Chromium's path, or a ``RuntimeError`` saying how to install it."""
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"The PDF report is printed by Chromium, which is not installed ({CHROMIUM} is "
            "missing): install Debian's `chromium` package (sudo apt-get install chromium), "
            "or choose --format html or xlsx.")
    return CHROMIUM


def print_pdf(page_html: str, timeout_s: float = PDF_TIMEOUT_S) -> bytes:
    """``page_html`` printed to PDF by headless Chromium (A4 from the page's CSS)."""
    chromium = require_chromium()
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as tmp:
        folder = Path(tmp)
        source, target = folder / "report.html", folder / "report.pdf"
        source.write_text(page_html, encoding="utf-8")
        command = [str(chromium), *CHROMIUM_ARGS, f"--user-data-dir={folder / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RuntimeError(f"Chromium did not print the PDF within {timeout_s:.0f} s") \
                from None
        if not target.exists() or target.stat().st_size == 0:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"Chromium did not write the PDF (exit {process.returncode}): "
                               + " | ".join(tail))
        return target.read_bytes()


def render_pdf(report: ProgressReport) -> bytes:
    """The report printed to PDF."""
    return print_pdf(static_html(report))
