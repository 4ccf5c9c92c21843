-- The registrations table of the large sample: every unit (10–31/10/2025), then the staff who
-- registered, in staff order; commitments in the words of a real plan. $seed $unit_days
-- $unit_commitments $staff_commitments
select 'Tập thể' as subject_type, code as subject_code,
       $unit_days[1 + h($seed, 'unit-reg', unit_idx) % len($unit_days)] as registered_on,
       $unit_commitments[1 + h($seed, 'unit-commit', unit_idx) % len($unit_commitments)]
           as commitment,
       0 as part, unit_idx as idx
from units_gen
union all
select 'Cá nhân', staff_code, registered_on,
       case position
           when 'Lái xe' then 'Bảo đảm an toàn tuyệt đối người và phương tiện, phục vụ kịp thời công tác.'
           when 'Bảo vệ' then 'Bảo đảm an ninh, trật tự, an toàn tài sản và trụ sở cơ quan.'
           when 'Giáo viên' then 'Đổi mới phương pháp dạy học, 100% học sinh được học tập an toàn.'
           when 'Điều dưỡng' then 'Chăm sóc người bệnh tận tình, thực hiện đúng quy trình chuyên môn.'
           else $staff_commitments[1 + h($seed, 'commit', staff_idx) % len($staff_commitments)]
       end,
       1, staff_idx
from staff_gen
where registered_on is not null
order by part, idx
