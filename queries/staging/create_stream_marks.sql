-- The cells of the streamed (CSV, Parquet) tables to report, found by stream_marks_of_column:
-- one row per cell, as stg_cell_marks (table, row, canonical column, kind, value as written).
create or replace temp table stream_marks (
    table_name varchar, _row integer, column_name varchar, kind varchar, value varchar
)
