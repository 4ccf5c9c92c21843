-- Collective and individual fulfilment of the units in scope per evaluation period up to
-- $as_of: one row per period. $campaign_code $as_of $unit_codes
with units_in_scope as (
    select unit_code from units
    where campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, unit_code))
),
results as (
    select e.period, e.subject_type, e.result
    from evaluations as e
    left join staff as s
        on e.subject_type = 'ca_nhan' and s.campaign_code = e.campaign_code
       and s.staff_code = e.subject_code
    join units_in_scope as u
        on u.unit_code = case when e.subject_type = 'tap_the' then e.subject_code
                              else s.unit_code end
    where e.campaign_code = $campaign_code and e.period <= cast($as_of as date)
),
final as (
    select period,
           count(*) filter (where subject_type = 'tap_the' and result) as collective_met,
           count(result) filter (where subject_type = 'tap_the') as collective_evaluated,
           pct(count(*) filter (where subject_type = 'tap_the' and result),
               count(result) filter (where subject_type = 'tap_the'))
               as collective_fulfilment_pct,
           count(*) filter (where subject_type = 'ca_nhan' and result) as individual_met,
           count(result) filter (where subject_type = 'ca_nhan') as individual_evaluated,
           pct(count(*) filter (where subject_type = 'ca_nhan' and result),
               count(result) filter (where subject_type = 'ca_nhan'))
               as individual_fulfilment_pct
    from results
    group by period
)
select * from final order by period
