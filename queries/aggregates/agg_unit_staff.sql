-- Builds agg_unit_staff for one campaign: staff counted per unit, gender, staff type and the
-- date of their individual registration (NULL: none). $campaign_code
insert into agg_unit_staff by name
with registered as (
    select subject_code as staff_code, registered_on from registrations
    where campaign_code = $campaign_code and subject_type = 'ca_nhan'
),
final as (
    select $campaign_code as campaign_code, s.unit_code, s.gender, s.staff_type,
           r.registered_on, count(*) as staff_count
    from staff as s
    left join registered as r using (staff_code)
    where s.campaign_code = $campaign_code
    group by s.unit_code, s.gender, s.staff_type, r.registered_on
)
select * from final
