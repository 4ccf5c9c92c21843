-- The evaluations table of the large sample: each month's form of every unit lists the unit on
-- each collective criterion and every staff member who registers during the campaign on each
-- individual criterion. A row is blank (not yet evaluated) while its subject has not
-- registered by the end of the month, and in the last round for the late units (all, or about
-- half of their staff). Otherwise "Đạt" with the month's rate shifted by the subject's ability
-- and the criterion's difficulty; a score to match, and a note on some "Không đạt".
-- Rows come in the order of `subject_periods` (month, units then staff) and of each subject's
-- criteria: no sort of the big table, only order-preserving steps (a projection and unnest).
-- $seed $periods $month_ends $rate_coll $rate_ind
with criteria_lists as (
    select list(struct_pack(criterion_idx, criterion_code, shift, fail_note)
                order by criterion_idx) filter (where subject_type = 'Tập thể') as collective,
           list(struct_pack(criterion_idx, criterion_code, shift, fail_note)
                order by criterion_idx) filter (where subject_type = 'Cá nhân') as individual
    from criteria_gen
),
rows as (
    select s.* exclude (c), s.c.criterion_idx, s.c.criterion_code, s.c.shift, s.c.fail_note,
           (h($seed, 'result', s.part, s.idx, s.p, c.criterion_idx) % 1000003) / 1000003.0
               as u_result,
           (h($seed, 'score', s.part, s.idx, s.p, c.criterion_idx) % 1000003) / 1000003.0
               as u_score
    from (select sp.*, unnest(case sp.part when 0 then l.collective else l.individual end) as c
          from subject_periods sp, criteria_lists l) s
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
