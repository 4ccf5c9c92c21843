-- The staged Cán bộ rows with typed values; one row per sheet row. Gender and staff type take
-- their canonical label from ref_values (NULL when the text is no listed value).
create or replace temp table typ_staff as
select
    s._row,
    parse_code(s.staff_code) as staff_code,
    s.full_name,
    parse_code(s.unit_code) as unit_code,
    s.position,
    st.value as staff_type,
    g.value as gender
from stg_staff as s
left join ref_values as st on st.kind = 'staff_type' and st.key = fold_key(s.staff_type)
left join ref_values as g on g.kind = 'gender' and g.key = fold_key(s.gender)
