-- Parent units that name no unit of the same sheet; one row per such cell, the code as the
-- user wrote it (its staged text).
-- applies: table units; emits: parent_unit_unknown
with final as (
    select 'error' as severity, 'parent_unit_unknown' as code, u._row as row_number,
           'parent_unit' as column_name, w.parent_unit as value, null::varchar as detail
    from typ_units as u
    join stg_units as w using (_row)
    anti join typ_units as p on p.unit_code = u.parent_unit
    where u.parent_unit is not null
)
select * from final
