-- Required and type errors of one table: one row per cell that is empty but required, or holds
-- text its column's type cannot read (dates, months, numbers 0–100, results, list values).
-- {table} comes from the allow-list; $table_name is the same name as a value. Cells the reader
-- marked (stg_cell_marks: a formula without value, an error value) are cell_marks' to report.
-- Built for millions of rows: the blank required cells need no typed value, and only the typed
-- cells that are NULL (few: blank or unreadable) are joined back to their text.
-- applies: each table; emits: required, bad_<type>
with raw as (
    unpivot (select _row, coalesce(columns(* exclude (_row)), chr(0)) from stg_{table})
    on columns(* exclude (_row)) into name column_name value raw_value
),
typed_null as (
    select _row, column_name
    from (
        unpivot (select _row, coalesce(cast(columns(* exclude (_row)) as varchar), chr(0))
                 from typ_{table})
        on columns(* exclude (_row)) into name column_name value typed_value
    )
    where typed_value = chr(0)
),
spec as (
    select column_name, column_type, is_required from import_columns
    where table_name = $table_name
),
blank_required as (
    select raw._row, raw.column_name, raw.raw_value
    from raw
    join spec using (column_name)
    semi join typed_null as t using (_row, column_name)
    where spec.is_required and raw.raw_value = chr(0)
),
unreadable as (
    select raw._row, raw.column_name, raw.raw_value
    from typed_null as t
    join raw using (_row, column_name)
    where raw.raw_value <> chr(0)
),
final as (
    select
        'error' as severity,
        case when p.raw_value = chr(0) then 'required' else 'bad_' || spec.column_type end
            as code,
        p._row as row_number,
        p.column_name,
        nullif(p.raw_value, chr(0)) as value,
        null::varchar as detail
    from (select * from blank_required union all select * from unreadable) as p
    join spec using (column_name)
    anti join stg_cell_marks as m
        on m.table_name = $table_name and m._row = p._row and m.column_name = p.column_name
)
select * from final
