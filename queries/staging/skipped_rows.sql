-- The rows of raw_{table} skipped as no data (not _data: their identifying codes are blank) that
-- hold something (a signature block, "Người lập biểu", a subtotal). Fully blank rows are not
-- listed. The first $limit rows by row number: _row, n (how many in all), then every cell in
-- file order. {table} from the allow-list; $first_row as in stage_streamed_table.
with blank as (
    select rowid + $first_row as _row, *
    from raw_{table}
    where not _data
),
content as (
    select *, clean_text(concat_ws('', *columns(* exclude (_row, _data)))) as content_text
    from blank
)
select _row, count(*) over () as n, * exclude (_row, _data, content_text)
from content
where content_text is not null
order by _row
limit $limit
