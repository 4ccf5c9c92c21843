-- The subjects on each month's evaluation form of the large sample, in file order (month,
-- then the units, then the staff who register during the campaign): the evaluations are this
-- table times each subject's criteria. $periods
create or replace temp table subject_periods as
with subjects as (
    select 0 as part, unit_idx as idx, 'Tập thể' as subject_type, code as subject_code,
           date '2025-10-31' as registered_on, late, false as half_late, ability
    from units_gen
    union all
    select 1, staff_idx, 'Cá nhân', staff_code, registered_on, late, half_late, ability
    from staff_gen
    where registered_on is not null
)
select p.p, s.*
from subjects s cross join (select unnest(range(len($periods))) + 1 as p) p
order by p.p, s.part, s.idx
