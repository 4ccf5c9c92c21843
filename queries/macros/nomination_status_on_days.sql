-- nomination_status_on_days(campaign_code, days, unit_codes): for each day of the list, every
-- nomination proposed on or before it by a unit in scope, with its status on that day: the
-- latest history entry dated <= day, same-day entries in pipeline order (contract section 5).
-- The one definition of "status as of D" (agg_nomination_steps and agg_nomination_counts are
-- built to answer the same); one row per day and nomination.
create or replace temp macro nomination_status_on_days(p_campaign_code, p_days, p_unit_codes)
as table
    with days as (
        select distinct cast(unnest(p_days) as date) as day
    ),
    nominations_in_scope as (
        select n.* from nominations as n
        semi join scope_units(p_campaign_code, p_unit_codes) as u
            on u.unit_code = n.proposing_unit
        where n.campaign_code = p_campaign_code
    ),
    on_day as (
        select d.day, n.*
        from days as d
        join nominations_in_scope as n on n.proposed_on <= d.day
    ),
    history as (
        select h.nomination_code, h.status, h.event_date, s.sort_order
        from nomination_events as h
        join statuses as s using (status)
        where h.campaign_code = p_campaign_code
    ),
    latest as (
        select o.day, o.nomination_code,
               arg_max(h.status, (h.event_date, h.sort_order)) as status,
               max(h.event_date) as status_since
        from on_day as o
        join history as h on h.nomination_code = o.nomination_code and h.event_date <= o.day
        group by o.day, o.nomination_code
    ),
    final as (
        select
            o.day, o.nomination_code, o.subject_type, o.subject_code, o.award_code,
            o.proposing_unit, o.proposed_on,
            coalesce(l.status, 'de_xuat') as status_as_of,
            coalesce(l.status_since, o.proposed_on) as status_since,
            case when coalesce(l.status, 'de_xuat') = 'da_khen_thuong' then o.decision_ref end
                as decision_ref,
            o.achievement
        from on_day as o
        left join latest as l using (day, nomination_code)
    )
    select * from final order by day, nomination_code
