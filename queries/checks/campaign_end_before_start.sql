-- A campaign whose end date is before its start date; one row per such campaign row.
-- applies: table campaigns; emits: end_before_start
with final as (
    select 'error' as severity, 'end_before_start' as code, _row as row_number,
           'end_date' as column_name, strftime(end_date, '%d/%m/%Y') as value,
           strftime(start_date, '%d/%m/%Y') as detail
    from typ_campaigns
    where end_date < start_date
)
select * from final
