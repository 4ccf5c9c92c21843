"""How wide each column of a printed progress-report table is, from the text it holds.

The PDF lays its tables out ``table-layout: fixed`` so that a long name wraps inside its column
instead of pushing the table past the page's right margin; the widths come from here, as a
``<colgroup>``. The sizes are in average characters of the report's font (DejaVu Sans on the
Debian Chromium that prints it), and a line's budget is what an A4 page holds.
"""

from __future__ import annotations

import math

# Column widths of the printed tables, in average characters (see ``column_weights``).
LINE_CHARS = 88  # a line of a 9 pt table across A4 portrait (180 mm, DejaVu Sans)
LINE_CHARS_WIDE = 150  # a line of an 8 pt wide table across A4 landscape (267 mm)
WEIGHT_CAP = 30  # the most a column's text asks for
HEADER_LINES = 3  # a column is wide enough for its header on about this many lines
MIN_WEIGHT = 4  # the narrowest column
CELL_PADDING = 1.5  # a cell's padding
WIDE_CHAR = 1.25  # a capital or a digit


def text_width(text: str) -> float:
    """``text``'s width in average characters: capitals and digits are wider."""
    return sum(WIDE_CHAR if c.isupper() or c.isdigit() else 1.0 for c in text)


def column_weights(header: list[str], body: list[list[str]], budget: float) -> list[float]:
    """Each column's share of the table's width, from its text (printed ``table-layout: fixed``).

    A column needs its longest word (header or cell), so that no word is cut, and a third of
    its header, so that the header takes at most about three lines; it wants its longest cell
    up to :data:`WEIGHT_CAP` characters. Every column gets what it needs, and the rest of the
    line's ``budget`` (in characters) goes to the columns that want more, in proportion: a
    long name wraps in its column instead of squeezing its neighbours to a letter a line.
    """
    needs, wants = [], []
    for i, label in enumerate(header):
        texts = [label, *(row[i] for row in body)]
        word = max((text_width(w) for text in texts for w in text.split()), default=1.0)
        need = max(word, text_width(label) / HEADER_LINES, MIN_WEIGHT) + CELL_PADDING
        longest = max((text_width(text) for text in texts[1:]), default=0.0)
        needs.append(need)
        wants.append(max(need, min(longest, WEIGHT_CAP) + CELL_PADDING))
    spare, extra = budget - sum(needs), sum(wants) - sum(needs)
    if spare > 0 and extra > 0:
        share = min(spare / extra, 1.0)
        needs = [n + (w - n) * share for n, w in zip(needs, wants, strict=True)]
    total = sum(needs)
    return [n / total for n in needs]


def col_group(shares: list[float]) -> str:
    """The ``<col>`` widths in percent, rounded down to a tenth; the last column takes the rest,
    so that the widths never add up to more than the table (a fixed table grows past 100%)."""
    permille = [math.floor(1000 * share) for share in shares[:-1]]
    widths = [f'<col style="width:{p // 10}.{p % 10}%">' for p in permille]
    return "".join([*widths, "<col>"][:len(shares)])
