-- Warnings: registrations dated outside the campaign window; one row per such registration.
-- applies: table registrations; emits: registration_outside_window
with final as (
    select 'warning' as severity, 'registration_outside_window' as code, r._row as row_number,
           'registered_on' as column_name, strftime(r.registered_on, '%d/%m/%Y') as value,
           strftime(c.start_date, '%d/%m/%Y') || ' – ' || strftime(c.end_date, '%d/%m/%Y')
               as detail
    from typ_registrations as r
    cross join typ_campaigns as c
    where r.registered_on < c.start_date or r.registered_on > c.end_date
)
select * from final
