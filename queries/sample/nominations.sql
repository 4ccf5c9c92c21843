-- The nominations of the large sample (one temp table; the two files are cut from it): the
-- best-evaluated registered subjects (ability plus a little chance), in the Office's mix of
-- award forms; each file's path through the pipeline drawn once (Giấy khen decided in February,
-- some waiting; Bằng khen of the province decided in March, ~12% returned once, ~8% refused;
-- central awards from May to September, some still pending); decision numbers and dates
-- per batch and top-level unit, like real award batches.
-- $seed $n_units $n_staff $proposal_days $gkvp_days $return_days $return_reasons
-- $staff_feats $unit_feats
create or replace temp table noms_gen as
with unit_pick as (
    select 'Tập thể' as subject_type, code as subject_code, coalesce(parent_code, code) as unit,
           top, row_number() over (order by ability + (h($seed, 'u-merit', unit_idx) % 1000003)
                                               / 1000003.0 * 0.02 desc, unit_idx) as r
    from units_gen
    qualify r <= $n_units
),
staff_pick as (
    select 'Cá nhân' as subject_type, s.staff_code, s.unit_code, u.top,
           row_number() over (order by s.ability + (h($seed, 's-merit', s.staff_idx) % 1000003)
                                               / 1000003.0 * 0.03 desc, s.staff_idx) as r
    from staff_gen s join units_gen u on u.unit_idx = s.unit_idx
    where s.registered_on is not null
    qualify r <= $n_staff
),
picked as (
    select *, case when r <= 0.10 * $n_units then 'BKTTG' when r <= 0.60 * $n_units then 'BKCT'
                   else 'GKVP' end as award
    from unit_pick
    union all
    select *, case when r <= 0.02 * $n_staff then 'HCLD3' when r <= 0.10 * $n_staff then 'BKTTG'
                   when r <= 0.45 * $n_staff then 'BKCT' else 'GKVP' end
    from staff_pick
),
drawn as (
    select p.*, (h($seed, 'path', subject_code) % 1000003) / 1000003.0 as u_path,
           h($seed, 'day', subject_code) as h_day,
           h($seed, 'feat', subject_code) as h_feat
    from picked p
),
pathed as (
    select d.*,
           case award
               when 'GKVP' then (case when u_path < 0.07 then 'waiting' else 'awarded' end)
               when 'BKCT' then (case when u_path < 0.12 then 'returned'
                                      when u_path < 0.20 then 'refused' else 'awarded' end)
               when 'BKTTG' then (case when u_path < 0.62 then 'awarded' else 'pending' end)
               else (case when u_path < 0.5 then 'awarded' else 'pending' end) end as path,
           case when award = 'GKVP' and u_path < 0.07 then date '2026-02-10'
                when award = 'GKVP' then $gkvp_days[1 + h_day % len($gkvp_days)]
                else $proposal_days[1 + h_day % len($proposal_days)] end as proposed_on,
           $return_days[1 + (h_day // 7) % len($return_days)] as returned_on,
           case when subject_type = 'Tập thể' then
               'Tập thể hoàn thành xuất sắc nhiệm vụ; '
               || $unit_feats[1 + h_feat % len($unit_feats)] || '; '
               || $unit_feats[1 + (h_feat % len($unit_feats) + 1 + (h_feat // 11)
                                   % (len($unit_feats) - 1)) % len($unit_feats)] || '.'
           else 'Hoàn thành xuất sắc nhiệm vụ; '
               || $staff_feats[1 + h_feat % len($staff_feats)] || '; '
               || $staff_feats[1 + (h_feat % len($staff_feats) + 1 + (h_feat // 11)
                                    % (len($staff_feats) - 1)) % len($staff_feats)] || '.'
           end as achievement,
           $return_reasons[1 + (h_feat // 13) % len($return_reasons)] as return_reason
    from drawn d
),
batched as (
    select p.*, d.ref as decision_ref_any, d.day as decision_day,
           s.ref as submission_ref, s.day as submission_day,
           v.ref as province_submission, v.day as province_submission_day,
           case award when 'HCLD3' then 0 when 'BKTTG' then 1 when 'BKCT' then 2 else 3 end
               as award_order
    from pathed p
    join batch_days d
      on d.batch = p.award || case when p.path = 'returned' then '2' else '' end
     and d.top = p.top
    join batch_days s
      on s.batch = case when p.award in ('BKTTG', 'HCLD3') then 'TTR-TW' else 'TTR-VP' end
     and s.top = p.top
    join batch_days v on v.batch = 'TTR-VP' and v.top = p.top
)
select 'HS' || lpad(cast(row_number() over (order by proposed_on, award_order, subject_type,
                                                 subject_code) as varchar), 6, '0')
           as nomination_code,
       b.*
from batched b
