-- Cells the reader marked (formula without a saved value, Excel error value, undecodable CSV
-- bytes, a code with control/bidi/emoji characters, a cell over 32,767 characters); one row per
-- cell. An error in a required or typed column, for damaged bytes, unplain codes and overlong
-- cells, else a warning (the cell is imported blank). $table_name: the table the rows point at.
-- applies: each table; emits: formula_no_value, error_value, undecodable, unplain_code, too_long
with final as (
    select
        case when m.kind in ('undecodable', 'unplain_code', 'too_long') or spec.is_required or spec.column_type <> 'text'
             then 'error' else 'warning' end as severity,
        m.kind as code, m._row as row_number, m.column_name, clean_text(m.value) as value,
        null::varchar as detail
    from stg_cell_marks as m
    join import_columns as spec
        on spec.table_name = m.table_name and spec.column_name = m.column_name
    where m.table_name = $table_name
)
select * from final
