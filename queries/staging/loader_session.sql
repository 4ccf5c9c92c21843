-- The loader's session: no DuckDB progress bar on the terminal (thidua load draws its own).
-- No result; no parameters.
set enable_progress_bar = false
