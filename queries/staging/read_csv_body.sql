-- The data rows of one CSV table as raw text, straight from the file: raw_{table}, one row per
-- record below the header (its rowid plus the first data row is the row the user sees), a
-- column per position of $columns (the canonical name, or _x<position> for other columns).
-- Every cell is text, NULL when empty; quoting is the CSV standard ("" inside quotes). _data
-- says the row is data: its {identifying} codes are not all blank ($blank: white space only).
-- $path (UTF-8), $skip (records above the first data row), $delimiter, $columns (a struct of
-- name -> 'VARCHAR'), $parallel, $max_line_size. {table}, {identifying} from the allow-list.
create or replace temp table raw_{table} as
select *, not regexp_full_match(concat_ws('', {identifying}), $blank) as _data
from read_csv($path, header = false, all_varchar = true, auto_detect = false,
              skip = $skip, delim = $delimiter, quote = '"', escape = '"',
              columns = $columns, null_padding = true, strict_mode = false,
              parallel = $parallel, max_line_size = $max_line_size)
