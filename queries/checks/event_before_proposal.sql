-- Nomination events dated before the nomination's proposal date; one row per such event row.
-- applies: table nomination_events; emits: event_before_proposal
with final as (
    select 'error' as severity, 'event_before_proposal' as code, e._row as row_number,
           'event_date' as column_name, strftime(e.event_date, '%d/%m/%Y') as value,
           strftime(n.proposed_on, '%d/%m/%Y') as detail
    from typ_nomination_events as e
    join typ_nominations as n using (nomination_code)
    where e.event_date < n.proposed_on
)
select * from final
