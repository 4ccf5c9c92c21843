-- Stages one streamed table's raw text as stg_{table}, as stage_table does for a workbook's:
-- one row per data row (_data: a record whose identifying codes are not all blank; notes,
-- totals and signatures below the table are skipped and reported by skipped_rows), _row the row
-- number the user sees, every value cleaned by clean_text, an Excel error value ($error_values,
-- reported by stream_marks) as NULL. {table} and {columns} (every contract column, in order)
-- from the allow-list; $first_row is the row number of raw_{table}'s rowid 0.
create or replace temp table stg_{table} as
with kept as (
    select cast(rowid + $first_row as integer) as _row, {columns}
    from raw_{table}
    where _data
),
cleaned as (
    select _row, clean_text(columns(* exclude (_row))) from kept
)
select _row, if(list_contains($error_values, columns(* exclude (_row))), null,
                columns(* exclude (_row)))
from cleaned
