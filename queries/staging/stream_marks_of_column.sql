-- The cells of one column of raw_{table} to report, into stream_marks: bytes Windows-1258 had
-- no character for (U+FFFD, when $lossy), a cell longer than $max_chars, a code ($is_code)
-- matching $unplain (control, bidi, emoji), an Excel error value ($error_values, e.g. #N/A).
-- One row per such cell of a data row (_data: its identifying codes are not all blank); a cell
-- takes the first kind in that order, as ingest.rows marks a workbook's cells.
-- {table} and {column} from the allow-list; $table_name, $first_row as in staging.
insert into stream_marks
with cells as (
    select rowid + $first_row as _row, {column} as v
    from raw_{table}
    where {column} is not null
      and (($lossy and contains({column}, chr(65533))) or length({column}) > $max_chars
           or ($is_code and regexp_matches({column}, $unplain))
           or (contains({column}, '#') and list_contains($error_values, clean_text({column}))))
      and _data
),
final as (
    select _row,
           case when $lossy and contains(v, chr(65533)) then 'undecodable'
                when length(v) > $max_chars then 'too_long'
                when $is_code and regexp_matches(v, $unplain) then 'unplain_code'
                else 'error_value' end as kind,
           case when kind = 'too_long' then left(v, 40) || '…'
                when kind = 'error_value' then clean_text(v) else v end as value
    from cells
)
select $table_name, _row, '{column}', kind, value from final
