-- The loader's session: no DuckDB progress bar on the terminal (thidua load draws its own).
set enable_progress_bar = false
