-- Nominations whose status date is before their proposal date; one row per such nomination.
-- applies: table nominations; emits: status_before_proposal
with final as (
    select 'error' as severity, 'status_before_proposal' as code, _row as row_number,
           'status_date' as column_name, strftime(status_date, '%d/%m/%Y') as value,
           strftime(proposed_on, '%d/%m/%Y') as detail
    from typ_nominations
    where status_date < proposed_on
)
select * from final
