-- Rows that repeat an earlier row's key; one row per repeat, naming the first row in detail and
-- giving the key as the user wrote it in the repeating row (its staged text, not typed values).
-- {table}, {key} (comma-separated key columns) and {first_key} come from the allow-list.
-- applies: each keyed table; emits: duplicate_key
with keyed as (
    select _row, min(_row) over (partition by {key}) as first_row
    from typ_{table}
    where {first_key} is not null
),
written as (
    select _row, concat_ws(' · ', {key}) as key_text
    from stg_{table}
),
final as (
    select 'error' as severity, 'duplicate_key' as code, k._row as row_number,
           '{first_key}' as column_name, w.key_text as value,
           cast(k.first_row as varchar) as detail
    from keyed as k
    join written as w using (_row)
    where k._row <> k.first_row
)
select * from final
