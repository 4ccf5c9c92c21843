-- Text typed in a legacy Vietnamese font (TCVN3/ABC, VNI); one row per column that has any,
-- at its first such row, with the number of such cells in detail. {table} from the allow-list;
-- $pattern is thidua.contract.textnorm.LEGACY_FONT_PATTERN.
-- Built for millions of rows: every branch of the pattern has a non-ASCII character, so a
-- pure-ASCII cell (as many bytes as characters) is passed over without the regular expression,
-- and only the rows holding a flagged cell (few) are unpivoted.
-- applies: each table; emits: legacy_font
with flagged as (
    select _row,
           case when strlen(columns(* exclude (_row))) = length(columns(* exclude (_row)))
                    then null
                when regexp_matches(columns(* exclude (_row)), $pattern)
                    then columns(* exclude (_row)) end
    from stg_{table}
),
any_flagged as (
    select *, coalesce(*columns(* exclude (_row))) as _any from flagged
),
cells as (
    unpivot (select * exclude (_any) from any_flagged where _any is not null)
    on columns(* exclude (_row)) into name column_name value raw_value
),
final as (
    select 'error' as severity, 'legacy_font' as code, min(_row) as row_number, column_name,
           arg_min(raw_value, _row) as value, cast(count(*) as varchar) as detail
    from cells
    group by column_name
)
select * from final
