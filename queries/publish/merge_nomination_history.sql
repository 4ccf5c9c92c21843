-- Adds this import's status entries to the accumulated history (contract section 5): the
-- proposal as de_xuat, every event, and the current status; entries already recorded by
-- earlier imports of the campaign stay as they are. $campaign_code $import_id
insert into nomination_events by name
with entries as (
    select nomination_code, 'de_xuat' as status, proposed_on as event_date,
           null::varchar as note, 'proposal' as source, 1 as priority
    from typ_nominations
    union all
    select nomination_code, status, event_date, note, 'event', 2
    from typ_nomination_events
    union all
    select nomination_code, status, status_date, null, 'status', 3
    from typ_nominations
),
deduplicated as (
    select nomination_code, status, event_date,
           arg_min(note, priority) filter (where note is not null) as note,
           arg_min(source, priority) as source
    from entries
    group by nomination_code, status, event_date
),
final as (
    select $campaign_code as campaign_code, d.*, $import_id as import_id
    from deduplicated as d
    anti join nomination_events as e
        on e.campaign_code = $campaign_code
       and e.nomination_code = d.nomination_code
       and e.status = d.status
       and e.event_date = d.event_date
)
select * from final
