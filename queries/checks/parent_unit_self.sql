-- Units named as their own parent unit; one row per such row, the code as written.
-- applies: table units; emits: parent_unit_self
with final as (
    select 'error' as severity, 'parent_unit_self' as code, u._row as row_number,
           'parent_unit' as column_name, w.parent_unit as value, null::varchar as detail
    from typ_units as u
    join stg_units as w using (_row)
    where u.parent_unit = u.unit_code
)
select * from final
