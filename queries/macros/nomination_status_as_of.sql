-- nomination_status_as_of(campaign_code, as_of, unit_codes): every nomination proposed on or
-- before as_of by a unit in scope, with its status as of that date: the latest history entry
-- dated <= as_of, same-day entries in pipeline order (contract section 5). One row per nomination.
create or replace temp macro nomination_status_as_of(p_campaign_code, p_as_of, p_unit_codes) as table
    with nominations_in_scope as (
        select * from nominations
        where campaign_code = p_campaign_code
          and proposed_on <= cast(p_as_of as date)
          and (p_unit_codes is null or len(p_unit_codes) = 0
               or list_contains(p_unit_codes, proposing_unit))
    ),
    history as (
        select h.nomination_code, h.status, h.event_date, s.sort_order
        from nomination_events as h
        join statuses as s using (status)
        where h.campaign_code = p_campaign_code and h.event_date <= cast(p_as_of as date)
    ),
    latest as (
        select nomination_code,
               arg_max(status, (event_date, sort_order)) as status,
               max(event_date) as status_since
        from history
        group by nomination_code
    ),
    final as (
        select
            n.nomination_code, n.subject_type, n.subject_code, n.award_code, n.proposing_unit,
            n.proposed_on,
            coalesce(l.status, 'de_xuat') as status_as_of,
            coalesce(l.status_since, n.proposed_on) as status_since,
            case when coalesce(l.status, 'de_xuat') = 'da_khen_thuong' then n.decision_ref end
                as decision_ref,
            n.achievement
        from nominations_in_scope as n
        left join latest as l using (nomination_code)
    )
    select * from final order by nomination_code
