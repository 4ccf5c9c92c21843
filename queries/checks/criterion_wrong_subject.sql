-- Evaluations of a criterion for the wrong subject type (a collective criterion given to a
-- staff member, or the reverse); one row per such evaluation row, the code as written.
-- applies: table evaluations; emits: criterion_wrong_subject
with final as (
    select 'error' as severity, 'criterion_wrong_subject' as code, e._row as row_number,
           'criterion_code' as column_name, w.criterion_code as value,
           c.applies_to || '|' || e.subject_type as detail
    from typ_evaluations as e
    join stg_evaluations as w using (_row)
    join typ_criteria as c on c.criterion_code = e.criterion_code
    where e.subject_type is not null and c.applies_to is not null
      and c.applies_to <> e.subject_type
)
select * from final
