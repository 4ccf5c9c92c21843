-- The evaluations table of the large sample: each month's form of every unit lists the unit on
-- each collective criterion and every staff member who registers during the campaign on each
-- individual criterion. A row is blank (not yet evaluated) while its subject has not
-- registered by the end of the month, and in the last round for the late units (all, or about
-- half of their staff). Otherwise "Đạt" with the month's rate shifted by the subject's ability
-- and the criterion's difficulty; a score to match, and a note on some "Không đạt".
-- $seed $periods $month_ends $rate_coll $rate_ind
with subjects as (
    select 0 as part, unit_idx as idx, 'Tập thể' as subject_type, code as subject_code,
           date '2025-10-31' as registered_on, late, false as half_late, ability
    from units_gen
    union all
    select 1, staff_idx, 'Cá nhân', staff_code, registered_on, late, half_late, ability
    from staff_gen
    where registered_on is not null
),
rows as (
    select s.*, p.i as p, c.criterion_idx, c.criterion_code, c.shift, c.fail_note,
           (h($seed, 'result', s.part, s.idx, p.i, c.criterion_idx) % 1000003) / 1000003.0
               as u_result,
           (h($seed, 'score', s.part, s.idx, p.i, c.criterion_idx) % 1000003) / 1000003.0
               as u_score
    from subjects s
    cross join (select unnest(range(len($periods))) + 1 as i) p
    join criteria_gen c on c.subject_type = s.subject_type
),
judged as (
    select r.*,
           case when registered_on > $month_ends[p] then null
                when p = len($periods) and (late = 2 or (late = 1 and half_late)) then null
                else u_result < least(greatest(
                         (case part when 0 then $rate_coll[p] else $rate_ind[p] end)
                         + ability + shift, 0.0), 1.0) end as met
    from rows r
)
select $periods[p] as period, subject_type, subject_code, criterion_code,
       case met when true then 'Đạt' when false then 'Không đạt' end as result,
       case met when true then least(100, 70 + cast(floor(pow(u_score, 0.7) * 31) as integer))
                when false then 40 + cast(floor(u_score * 30) as integer) end as score,
       case when met = false and u_score < 0.3 then fail_note
            when registered_on > $month_ends[p] then 'Chưa đăng ký thi đua' end as note
from judged
order by p, part, idx, criterion_idx
