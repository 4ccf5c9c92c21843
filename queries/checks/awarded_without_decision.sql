-- Warnings: awarded nominations with no decision number; one row per such nomination, its
-- code as written.
-- applies: table nominations; emits: awarded_without_decision
with final as (
    select 'warning' as severity, 'awarded_without_decision' as code, _row as row_number,
           'decision_ref' as column_name, w.nomination_code as value, null::varchar as detail
    from typ_nominations as n
    join stg_nominations as w using (_row)
    where n.status = 'da_khen_thuong' and n.decision_ref is null
)
select * from final
