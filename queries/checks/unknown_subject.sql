-- Subject codes that are no unit (for 'tap_the') or no staff member (for 'ca_nhan');
-- one row per such cell, the code as the user wrote it. {table} comes from the allow-list.
-- applies: subject tables; emits: unknown_subject; needs: units, staff
with subjects as (
    select 'tap_the' as subject_type, unit_code as subject_code from typ_units
    union all
    select 'ca_nhan', staff_code from typ_staff
),
final as (
    select 'error' as severity, 'unknown_subject' as code, t._row as row_number,
           'subject_code' as column_name, w.subject_code as value, t.subject_type as detail
    from typ_{table} as t
    join stg_{table} as w using (_row)
    anti join subjects as s
        on s.subject_type = t.subject_type and s.subject_code = t.subject_code
    where t.subject_code is not null and t.subject_type is not null
)
select * from final
