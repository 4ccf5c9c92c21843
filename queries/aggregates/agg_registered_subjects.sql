-- Builds agg_registered_subjects for one campaign: each registered unit and staff member with
-- its unit and names, ranked in marts/missing_evaluations' order. $campaign_code
insert into agg_registered_subjects by name
with subjects as (
    select 'tap_the' as subject_type, u.unit_code as subject_code, u.unit_code, u.unit_name,
           u.unit_name as subject_name
    from units as u
    where u.campaign_code = $campaign_code
    union all
    select 'ca_nhan', s.staff_code, u.unit_code, u.unit_name, s.full_name
    from staff as s
    join units as u on u.campaign_code = $campaign_code and u.unit_code = s.unit_code
    where s.campaign_code = $campaign_code
),
final as (
    select $campaign_code as campaign_code, e.*, r.registered_on,
           row_number() over (order by e.unit_code, e.subject_type desc, e.subject_name,
                                       e.subject_code) as list_rank
    from subjects as e
    join registrations as r
        on r.campaign_code = $campaign_code and r.subject_type = e.subject_type
       and r.subject_code = e.subject_code
)
select * from final
