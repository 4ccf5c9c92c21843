-- Builds agg_nomination_rows for one campaign: each nomination's subject name (the staff
-- member's or the unit's), position, proposing unit's name, decision and achievement, ranked
-- by (subject_name, nomination_code) as marts/nomination_list orders them. $campaign_code
insert into agg_nomination_rows by name
with named as (
    select n.nomination_code, coalesce(s.full_name, u.unit_name) as subject_name, s.position,
           pu.unit_name as proposing_unit_name, n.decision_ref, n.achievement
    from nominations as n
    left join staff as s
        on n.subject_type = 'ca_nhan' and s.campaign_code = $campaign_code
       and s.staff_code = n.subject_code
    left join units as u
        on n.subject_type = 'tap_the' and u.campaign_code = $campaign_code
       and u.unit_code = n.subject_code
    left join units as pu on pu.campaign_code = $campaign_code and pu.unit_code = n.proposing_unit
    where n.campaign_code = $campaign_code
),
final as (
    select $campaign_code as campaign_code, *,
           row_number() over (order by subject_name, nomination_code) as name_rank
    from named
)
select * from final
