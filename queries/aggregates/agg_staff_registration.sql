-- Builds agg_staff_registration for one campaign: each staff member of a known unit, with the
-- unit's name and their first individual registration day, ranked (and written) in
-- marts/unregistered_staff's order. $campaign_code
insert into agg_staff_registration by name
with registered as (
    select subject_code as staff_code, min(registered_on) as registered_on
    from registrations
    where campaign_code = $campaign_code and subject_type = 'ca_nhan'
    group by subject_code
),
final as (
    select $campaign_code as campaign_code, s.unit_code, u.unit_name, s.staff_code,
           s.full_name, s.position, s.staff_type, s.gender, r.registered_on,
           row_number() over (order by s.unit_code, s.full_name, s.staff_code) as list_rank
    from staff as s
    join units as u on u.campaign_code = $campaign_code and u.unit_code = s.unit_code
    left join registered as r using (staff_code)
    where s.campaign_code = $campaign_code
)
select * from final order by list_rank
