-- The staged Đánh giá rows with typed values; one row per sheet row.
-- NULL where the text cannot be read (cell_values reports it); a score above 100 is NULL;
-- a score may carry a percent sign ("90%").
create or replace temp table typ_evaluations as
select
    _row,
    parse_month(period) as period,
    parse_subject(subject_type) as subject_type,
    parse_code(subject_code) as subject_code,
    parse_code(criterion_code) as criterion_code,
    parse_result(result) as result,
    case when parse_number(score, pct := true) between 0 and 100
         then parse_number(score, pct := true) end as score,
    note
from stg_evaluations
