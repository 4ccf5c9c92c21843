-- Required and type errors of one table: one row per cell that is empty but required, or holds
-- text its column's type cannot read (dates, months, numbers 0–100, results, list values).
-- {table} comes from the allow-list; $table_name is the same name as a value. Cells the reader
-- marked (stg_cell_marks: a formula without value, an error value) are cell_marks' to report.
-- Built for millions of rows: only the typed cells that are NULL (few, once the optional text
-- cells are left out) are kept, and only their rows of staged text are unpivoted and joined.
-- An optional text cell is never a problem: its typed value is its staged text
-- (queries/staging/typed_*.sql), so it is NULL only when the cell is blank.
-- applies: each table; emits: required, bad_<type>
with spec as (
    select column_name, column_type, is_required from import_columns
    where table_name = $table_name
),
typed_null as (
    select t._row, t.column_name, spec.is_required
    from (
        unpivot (select _row, columns(* exclude (_row)) is null from typ_{table})
        on columns(* exclude (_row)) into name column_name value is_null
    ) as t
    join spec using (column_name)
    where t.is_null and (spec.is_required or spec.column_type <> 'text')
),
raw as (
    unpivot (select _row, coalesce(columns(* exclude (_row)), chr(0)) from stg_{table}
             where _row in (select _row from typed_null))
    on columns(* exclude (_row)) into name column_name value raw_value
),
problems as (
    select raw._row, raw.column_name, raw.raw_value
    from typed_null as t
    join raw using (_row, column_name)
    where raw.raw_value <> chr(0) or t.is_required
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
    from problems as p
    join spec using (column_name)
    anti join stg_cell_marks as m
        on m.table_name = $table_name and m._row = p._row and m.column_name = p.column_name
)
select * from final
