-- The cells the reader marked: a formula without its saved value, an Excel error value, bytes
-- the CSV's encoding could not decode. One row per cell: table, Excel row, canonical column,
-- kind, value as written. marked_cells is a registered Arrow table of those columns.
create or replace temp table stg_cell_marks as
select table_name, _row, column_name, kind, value from marked_cells
