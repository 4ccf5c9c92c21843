-- The cells the reader marked: a formula without its saved value, an Excel error value, bytes
-- the CSV's encoding could not decode, a code with control/bidi/emoji characters, a cell over
-- 32,767 characters. One row per cell: table, Excel row, canonical column, kind, value as
-- written. marked_cells is a registered Arrow table of those columns (a workbook's cells);
-- stream_marks holds those of the CSV and Parquet tables (ingest.body).
create or replace temp table stg_cell_marks as
select table_name, _row, column_name, kind, value from marked_cells
union all
select table_name, _row, column_name, kind, value from stream_marks
