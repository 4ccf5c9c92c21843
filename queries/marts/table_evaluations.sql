-- Evaluation results of the units in scope and their staff in period $period (all periods up
-- to $as_of when $period is NULL): one row per result. $campaign_code $as_of $period $unit_codes
select e.period, e.subject_type, e.subject_code,
       coalesce(s.full_name, u.unit_name) as subject_name,
       coalesce(s.unit_code, u.unit_code) as unit_code, e.criterion_code, e.result, e.score,
       e.note
from evaluations as e
left join staff as s
    on e.subject_type = 'ca_nhan' and s.campaign_code = e.campaign_code
   and s.staff_code = e.subject_code
left join units as u
    on e.subject_type = 'tap_the' and u.campaign_code = e.campaign_code
   and u.unit_code = e.subject_code
where e.campaign_code = $campaign_code
  and e.period <= cast($as_of as date)
  and ($period is null or e.period = cast($period as date))
  and coalesce(s.unit_code, u.unit_code) in (
      select unit_code from scope_units($campaign_code, $unit_codes))
order by e.period, unit_code, e.subject_type desc, e.subject_code, e.criterion_code
