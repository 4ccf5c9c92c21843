-- The staged Đề nghị khen thưởng rows with typed values; one row per sheet row. Award form and
-- status are matched by code or label through ref_values.
create or replace temp table typ_nominations as
select
    n._row,
    parse_code(n.nomination_code) as nomination_code,
    parse_subject(n.subject_type) as subject_type,
    parse_code(n.subject_code) as subject_code,
    a.value as award_code,
    parse_code(n.proposing_unit) as proposing_unit,
    parse_date(n.proposed_on) as proposed_on,
    s.value as status,
    parse_date(n.status_date) as status_date,
    n.decision_ref,
    n.achievement
from stg_nominations as n
left join ref_values as a on a.kind = 'award' and a.key = fold_key(n.award_code)
left join ref_values as s on s.kind = 'status' and s.key = fold_key(n.status)
