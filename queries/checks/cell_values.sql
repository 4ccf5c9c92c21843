-- Required and type errors of one table: one row per cell that is empty but required, or holds
-- text its column's type cannot read (dates, months, numbers 0–100, results, list values).
-- {table} comes from the allow-list; $table_name is the same name as a value. Cells the reader
-- marked (stg_cell_marks: a formula without value, an error value) are cell_marks' to report.
-- applies: each table; emits: required, bad_<type>
with raw as (
    unpivot (select _row, coalesce(columns(* exclude (_row)), chr(0)) from stg_{table})
    on columns(* exclude (_row)) into name column_name value raw_value
),
typed as (
    unpivot (select _row, coalesce(cast(columns(* exclude (_row)) as varchar), chr(0))
             from typ_{table})
    on columns(* exclude (_row)) into name column_name value typed_value
),
final as (
    select
        'error' as severity,
        case when raw.raw_value = chr(0) then 'required' else 'bad_' || spec.column_type end
            as code,
        raw._row as row_number,
        raw.column_name,
        nullif(raw.raw_value, chr(0)) as value,
        null::varchar as detail
    from raw
    join typed using (_row, column_name)
    join import_columns as spec
        on spec.table_name = $table_name and spec.column_name = raw.column_name
    anti join stg_cell_marks as m
        on m.table_name = $table_name and m._row = raw._row and m.column_name = raw.column_name
    where (spec.is_required and raw.raw_value = chr(0))
       or (raw.raw_value <> chr(0) and typed.typed_value = chr(0))
)
select * from final
