-- Rows that repeat an earlier row's key; one row per repeat, naming the first row in detail.
-- {table}, {key} (comma-separated key columns) and {first_key} come from the allow-list.
with keyed as (
    select _row, concat_ws(' · ', {key}) as key_text,
           min(_row) over (partition by {key}) as first_row
    from typ_{table}
    where {first_key} is not null
),
final as (
    select 'error' as severity, 'duplicate_key' as code, _row as row_number,
           '{first_key}' as column_name, key_text as value, cast(first_row as varchar) as detail
    from keyed
    where _row <> first_row
)
select * from final
