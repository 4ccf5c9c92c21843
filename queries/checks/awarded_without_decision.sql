-- Warnings: awarded nominations with no decision number; one row per such nomination.
-- applies: table nominations; emits: awarded_without_decision
with final as (
    select 'warning' as severity, 'awarded_without_decision' as code, _row as row_number,
           'decision_ref' as column_name, nomination_code as value, null::varchar as detail
    from typ_nominations
    where status = 'da_khen_thuong' and decision_ref is null
)
select * from final
