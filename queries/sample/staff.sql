-- The large sample's staff: every unit filled with its posts (head, deputies, then officers,
-- viên chức and support staff in the shares of its kind), Vietnamese names drawn from weighted
-- lists, whether and when each registered (95%; leaders always; ~15% early, ~80% between
-- 20/11 and 10/12/2025, ~5% late) and their ability. Rows in staff order.
-- $seed $family $middle_m $middle_f $given_m $given_f $early $main $late $service $nld_posts
create or replace temp table staff_gen as
with offsets as (
    select *, coalesce(sum(size) over (order by unit_idx rows between unbounded preceding
                                       and 1 preceding), 0) as first_staff
    from units_gen
),
posts as (
    select o.unit_idx, o.code as unit_code, o.unit_type, o.has_children, o.late,
           o.ability as unit_ability, o.size, o.first_staff + k as staff_idx, k
    from offsets o, unnest(range(o.size)) t(k)
),
ranked as (
    select p.*,
           case when k = 0 then 0
                when k <= case when has_children then 4 when size <= 10 then 1
                               when size <= 40 then 2 else 3 end then 1
                else 2 end as rank,
           (h($seed, 'type', staff_idx) % 1000003) / 1000003.0 as u_type,
           (h($seed, 'post', staff_idx) % 1000003) / 1000003.0 as u_post,
           (h($seed, 'gender', staff_idx) % 1000003) / 1000003.0 as u_gender,
           list_contains($service, unit_type) as service
    from posts p
),
typed as (
    select r.*,
           case when rank < 2 then (case when service then 'Viên chức' else 'Công chức' end)
                when service then (case when u_type < 0.10 then 'Người lao động'
                                        else 'Viên chức' end)
                when u_type < 0.15 then 'Người lao động'
                when u_type < 0.22 then 'Viên chức'
                else 'Công chức' end as staff_type
    from ranked r
),
placed as (
    select t.*,
           case when rank = 0 then h.head
                when rank = 1 then h.deputy
                when staff_type = 'Người lao động'
                    then $nld_posts[1 + h($seed, 'nld', staff_idx) % len($nld_posts)]
                when staff_type = 'Công chức'
                    then (case when u_post < 0.3 then 'Chuyên viên chính' else 'Chuyên viên' end)
                else coalesce((select min_by(sp.post, sp.upto) from service_posts sp
                               where sp.unit_type = t.unit_type and sp.upto > t.u_post),
                              'Viên chức') end as position
    from typed t join heads h on h.unit_type = t.unit_type
),
gendered as (
    select p.*,
           case when list_contains(['Lái xe', 'Bảo vệ'], position) then 'Nam'
                when u_gender < case when rank < 2 then 0.3
                                     else coalesce((select w.share from women_posts w
                                                    where w.post = p.position), 0.5) end
                    then 'Nữ' else 'Nam' end as gender
    from placed p
),
named as (
    select g.*,
           $family[1 + h($seed, 'family', staff_idx) % len($family)] as family,
           case when gender = 'Nữ'
                then $middle_f[1 + h($seed, 'middle', staff_idx) % len($middle_f)]
                else $middle_m[1 + h($seed, 'middle', staff_idx) % len($middle_m)] end
               as middle,
           h($seed, 'given', staff_idx) as h_given,
           (h($seed, 'registers', staff_idx) % 1000003) / 1000003.0 as u_reg,
           (h($seed, 'window', staff_idx) % 1000003) / 1000003.0 as u_window,
           h($seed, 'reg-day', staff_idx) as h_day,
           (h($seed, 'ability', staff_idx) % 1000003) / 1000003.0 * 0.16 - 0.08 as ability
    from gendered g
),
given as (
    select n.*,
           case when gender = 'Nữ' then $given_f else $given_m end as givens,
           string_split(middle, ' ')[-1] as middle_last
    from named n
)
select staff_idx, 'CB' || lpad(cast(staff_idx + 1 as varchar), 7, '0') as staff_code,
       family || ' ' || middle || ' ' ||
           case when givens[1 + h_given % len(givens)] = middle_last
                then givens[1 + (h_given + 1) % len(givens)]
                else givens[1 + h_given % len(givens)] end as full_name,
       unit_idx, unit_code, position, staff_type, gender, rank, late, unit_ability + ability as ability,
       case when rank < 2 or u_reg < 0.95 then
           case when u_window < 0.15 then $early[1 + h_day % len($early)]
                when u_window < 0.95 then $main[1 + h_day % len($main)]
                else $late[1 + h_day % len($late)] end
       end as registered_on,
       (h($seed, 'half-late', staff_idx) % 1000003) / 1000003.0 < 0.5 as half_late
from given
order by staff_idx
