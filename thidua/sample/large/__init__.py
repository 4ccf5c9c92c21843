"""The province and national samples: large, realistic, generated in DuckDB (see ``build``).

``generate(folder, scale, seed, fmt, rows_factor)`` writes a folder of ``<table>.csv`` or
``.parquet`` in the contract's layout, with the units in a hierarchy (``parent_unit``).
"""

from __future__ import annotations

from thidua.sample.large.build import LARGE_SCALES
from thidua.sample.large.export import FORMATS, generate

__all__ = ["FORMATS", "LARGE_SCALES", "generate"]
