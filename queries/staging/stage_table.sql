-- Stages one table's raw text as stg_{table}: one row per sheet row, every value cleaned by
-- clean_text (NFC, white space). {table} comes from the allow-list; raw_rows is a registered
-- Arrow table with _row and one VARCHAR column per canonical column.
create or replace temp table stg_{table} as
select _row, clean_text(columns(* exclude (_row))) from raw_rows
