-- Rows that repeat an earlier row's key; one row per repeat, naming the first row in detail and
-- giving the key as the user wrote it in the repeating row (its staged text, not typed values).
-- {table}, {key} (comma-separated key columns) and {first_key} come from the allow-list.
-- Built for millions of rows: one grouping finds the keys written more than once (few), and
-- only their rows are ranked and joined back to their text.
-- applies: each keyed table; emits: duplicate_key
with keys as (
    select _row, row({key}) as key_value
    from typ_{table}
    where {first_key} is not null
),
repeated as (
    select key_value, min(_row) as first_row
    from keys
    group by key_value
    having count(*) > 1
),
keyed as (
    select k._row, r.first_row
    from keys as k
    join repeated as r using (key_value)
    where k._row <> r.first_row
),
final as (
    select 'error' as severity, 'duplicate_key' as code, k._row as row_number,
           '{first_key}' as column_name, concat_ws(' · ', {key}) as value,
           cast(k.first_row as varchar) as detail
    from keyed as k
    join stg_{table} as w using (_row)
)
select * from final
