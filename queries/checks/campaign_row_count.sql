-- The campaign sheet must hold exactly one row: one error row when it does not.
-- applies: table campaigns; emits: campaign_rows
with counted as (select count(*) as n, min(_row) as first_row from typ_campaigns),
final as (
    select 'error' as severity, 'campaign_rows' as code,
           case when n > 1 then first_row end as row_number, 'campaign_code' as column_name,
           null::varchar as value, cast(n as varchar) as detail
    from counted
    where n <> 1
)
select * from final
