-- The nominations file of the large sample: a file's status and its date are its last event
-- (or "de_xuat" on the day it was proposed, when nothing happened yet).
with last as (
    select nomination_code, arg_max(status, seq) as status, max(event_date) as status_date
    from events_gen group by nomination_code
)
select n.nomination_code, n.subject_type, n.subject_code, n.award as award_code,
       n.unit as proposing_unit, n.proposed_on, coalesce(l.status, 'de_xuat') as status,
       coalesce(l.status_date, n.proposed_on) as status_date,
       case when l.status = 'da_khen_thuong' then n.decision_ref_any end as decision_ref,
       n.achievement
from noms_gen n left join last l using (nomination_code)
order by n.nomination_code
