"""The sample campaign: a deterministic, realistic data set in the shape of the data contract.

``build_sample`` generates, from a fixed seed, one campaign of the seed plan (the Office's
"Đợt thi đua chào mừng Đại hội XIV", 2025-10-01 → 2026-01-23) as a dict of DataFrames, one per
canonical table of ``thidua.contract.reference.TABLES`` with exactly its canonical columns in
order. ``write_sample`` writes it the way a user would hand it to ``thidua load``:

* scale ``office``: the Office of a provincial People's Committee (the 10 units of
  ``OFFICE_UNITS``, 148 staff) as ONE .xlsx workbook, a sheet per table named by its Vietnamese
  label, Vietnamese column labels, real date cells;
* scales ``province`` (~1,500 units in two levels, 120,000 staff, 2.3 million evaluation rows,
  30,000 nominations) and ``national`` (~25,000 units in three levels, 2,000,000 staff, 38
  million evaluation rows, 500,000 nominations) as a folder with one ``<table>.csv`` (or
  ``.parquet``) per table and Vietnamese column labels, generated inside DuckDB by
  :mod:`thidua.sample.large` (``build_sample`` makes the office only).

Proportions follow DOMAIN.md "Realistic proportions": every unit registers, 92–98% of staff do
(mostly 20/11–10/12/2025); monthly evaluations Oct 2025 – Jan 2026 with "Đạt" rates rising from
~82% to ~93%; two units late in the last round (blank results); nominations proposed late
January – early February 2026 and decided from February (Giấy khen) through March (province) to
April–September 2026 (central), with returned, rejected and still-pending files. The rules of
the contract hold by construction: subjects are evaluated only once registered, every
nomination's (status, status_date) is its latest event, no event precedes the proposal.

Values: dates are ``datetime.date``, periods the first day of their month, results the words
"Đạt" / "Không đạt" or None (not evaluated), subject types "Tập thể" / "Cá nhân", award and
status as codes. Text and date columns have object dtype (None for empty), numbers ``Int64``.
The office sample uses only ``random.Random``, one stream per concern seeded from ``seed``, so
its output is stable across platforms, runs and library versions.

The steps, one module each: ``plan`` (dates, rates, calendar, records), ``units`` (+ ``names``),
``registrations``, ``evaluations``, ``nominations``, ``build`` (the tables), ``write``.
"""

from __future__ import annotations

from thidua.sample.build import build_sample
from thidua.sample.plan import DEFAULT_SEED, SCALES
from thidua.sample.write import DEFAULT_DIR, FOLDER_FORMATS, OFFICE_FILE, write_sample

__all__ = [
    "DEFAULT_DIR",
    "DEFAULT_SEED",
    "FOLDER_FORMATS",
    "OFFICE_FILE",
    "SCALES",
    "build_sample",
    "write_sample",
]
