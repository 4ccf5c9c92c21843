-- One level of the large sample's organisation (thidua.sample.large): $n units spread over the
-- units of `parents` in proportion to their fan-out (an ASOF join on the running total), each
-- taking the template of its parent's kind by its position among its siblings: the fixed
-- entries first, then the repeating ones in turn. Deterministic: positions, not randomness,
-- decide who goes where; only the staff size is drawn. $n $first_idx $seed $places $fields
create or replace temp table level_units as
with p as (
    select *,
           coalesce(sum(weight) over (order by unit_idx rows between unbounded preceding
                                      and 1 preceding), 0) as cum_start,
           sum(weight) over () as total
    from parents
    where weight > 0
),
c as (
    select j, (j + 0.5) * (select max(total) from p) / $n as pos from range($n) r(j)
),
placed as (
    select c.j, p.unit_idx as parent_idx, p.code as parent_code, p.kind as parent_kind,
           p.place as parent_place, p.locality, p.top as parent_top
    from c asof join p on c.pos >= p.cum_start
),
numbered as (
    select *, row_number() over (partition by parent_idx order by j) - 1 as k from placed
),
slotted as (
    select n.*, t.n_fixed, t.n_bulk,
           case when k < n_fixed then k
                when n_bulk > 0 then n_fixed + (k - n_fixed) % n_bulk
                else k % n_fixed end as slot,
           case when k < n_fixed then 0
                when n_bulk > 0 then (k - n_fixed) // n_bulk
                else k // n_fixed end as rep,
           greatest(k - n_fixed, 0) as bulk_k
    from numbered n join tpl_counts t on t.parent_kind = n.parent_kind
),
named as (
    select s.*, t.kind, t.pattern, t.unit_type, t.lo, t.hi, t.fanout,
           coalesce(s.parent_place,
                    $places[1 + ((bulk_k + 7 * (s.parent_idx + 1)) % len($places))]) as place_any,
           $fields[1 + ((bulk_k + s.parent_idx + 1) % len($fields))] as field
    from slotted s join tpl t on t.parent_kind = s.parent_kind and t.slot = s.slot
)
select
    $first_idx + j as unit_idx,
    case when parent_code = '' then
             case when parent_kind = 'nation' then (case unit_type when 'Tỉnh' then 'T' else 'B' end)
                       || lpad(cast(k + 1 as varchar), 2, '0')
                  else 'CQ' || lpad(cast(k + 1 as varchar), 3, '0') end
         else parent_code || '.' || lpad(cast(k + 1 as varchar), 3, '0') end as code,
    replace(replace(replace(replace(replace(pattern,
        '{place}', place_any),
        '{field}', field),
        '{loc}', coalesce(' ' || locality, '')),
        '{cloc}', coalesce(', ' || locality, '')),
        '{n}', case when rep = 0 then '' else ' số ' || (rep + 1) end)
      || case when rep > 0 and pattern not like '%{n}%' and pattern not like '%{place}%'
                   and pattern not like '%{field}%'
              then ' ' || (rep + 1) else '' end as name,
    unit_type,
    nullif(parent_code, '') as parent_code,
    kind,
    case when pattern like '%{place}%' then place_any else parent_place end as place,
    case when parent_kind = 'nation' and unit_type = 'Tỉnh'
         then substr(pattern, 6) else locality end as locality,
    coalesce(parent_top, $first_idx + j) as top,
    fanout as weight,
    lo + cast(h($seed, 'unit-size', $first_idx + j) % (hi - lo + 1) as integer) as raw_size
from named
order by j
