-- Nominations whose latest event (by date, same-day in pipeline order) differs from their
-- status and status date; one row per such nomination, the latest event in detail. Both
-- statuses are shown as the user wrote them (staged text), the dates as dd/mm/yyyy.
-- applies: table nominations; emits: events_disagree
with latest as (
    select e.nomination_code,
           arg_max(struct_pack(code := e.status, text := w.status), (e.event_date, s.sort_order))
               as step,
           max(e.event_date) as event_date
    from typ_nomination_events as e
    join stg_nomination_events as w using (_row)
    join statuses as s on s.status = e.status
    where e.event_date is not null
    group by e.nomination_code
),
final as (
    select 'error' as severity, 'events_disagree' as code, n._row as row_number,
           'status' as column_name,
           w.status || ' · ' || strftime(n.status_date, '%d/%m/%Y') as value,
           l.step.text || ' · ' || strftime(l.event_date, '%d/%m/%Y') as detail
    from typ_nominations as n
    join stg_nominations as w using (_row)
    join latest as l on l.nomination_code = n.nomination_code
    where n.status is not null and n.status_date is not null
      and (n.status <> l.step.code or n.status_date <> l.event_date)
)
select * from final
