-- Builds agg_nomination_steps for one campaign: each history entry of a current nomination
-- with the next entry's date, same-day entries in pipeline order (contract section 5; the
-- definition of macros/nomination_status_on_days), and the nomination's name_rank from
-- agg_nomination_rows (built before this table). $campaign_code
insert into agg_nomination_steps by name
with history as (
    select h.nomination_code, h.status, h.event_date, s.sort_order, s.is_final
    from nomination_events as h
    join statuses as s using (status)
    where h.campaign_code = $campaign_code
),
final as (
    select $campaign_code as campaign_code, n.nomination_code, n.subject_type, n.subject_code,
           n.award_code, n.proposing_unit, n.proposed_on, h.status, h.sort_order, h.is_final,
           h.event_date,
           lead(h.event_date) over (partition by h.nomination_code
                                    order by h.event_date, h.sort_order) as next_date,
           r.name_rank
    from nominations as n
    join history as h using (nomination_code)
    join agg_nomination_rows as r
        on r.campaign_code = $campaign_code and r.nomination_code = n.nomination_code
    where n.campaign_code = $campaign_code
)
select * from final
