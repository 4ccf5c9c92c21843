-- The staged Tiêu chí rows with typed values; one row per sheet row.
-- NULL where the text cannot be read (cell_values reports it).
create or replace temp table typ_criteria as
select
    _row,
    parse_code(criterion_code) as criterion_code,
    parse_subject(applies_to) as applies_to,
    criterion_name,
    parse_number(weight) as weight
from stg_criteria
