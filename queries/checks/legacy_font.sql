-- Text typed in a legacy Vietnamese font (TCVN3/ABC, VNI); one row per column that has any,
-- at its first such row, with the number of such cells in detail. {table} from the allow-list;
-- $pattern is thidua.contract.textnorm.LEGACY_FONT_PATTERN.
-- applies: each table; emits: legacy_font
with cells as (
    unpivot (select _row, columns(* exclude (_row)) from stg_{table})
    on columns(* exclude (_row)) into name column_name value raw_value
),
final as (
    select 'error' as severity, 'legacy_font' as code, min(_row) as row_number, column_name,
           arg_min(raw_value, _row) as value, cast(count(*) as varchar) as detail
    from cells
    where regexp_matches(raw_value, $pattern)
    group by column_name
)
select * from final
