-- Parent links that go round in a loop (A above B above A): one row per loop, at the row of its
-- first unit on the sheet, with the loop's codes in detail ("A → B → A"). A recursive walk up
-- the parent links from every unit that stops where it comes back to a unit it has passed.
-- applies: table units; emits: parent_unit_cycle
with recursive edges as (
    select distinct unit_code, parent_unit from typ_units
    where unit_code is not null and parent_unit is not null and parent_unit <> unit_code
),
walk(start_code, current_code, path) as (
    select unit_code, parent_unit, [unit_code] from edges
    union all
    select w.start_code, e.parent_unit, list_append(w.path, w.current_code)
    from walk as w
    join edges as e on e.unit_code = w.current_code
    where w.current_code <> w.start_code and not list_contains(w.path, w.current_code)
),
on_loop as (
    select distinct w.start_code, list_sort(w.path) as members,
           array_to_string(list_append(w.path, w.start_code), ' → ') as loop_text
    from walk as w
    where w.current_code = w.start_code
),
first_of_loop as (
    select arg_min(u._row, u._row) as _row, arg_min(l.loop_text, u._row) as loop_text
    from on_loop as l
    join typ_units as u on u.unit_code = l.start_code
    group by l.members
),
final as (
    select 'error' as severity, 'parent_unit_cycle' as code, f._row as row_number,
           'parent_unit' as column_name, w.parent_unit as value, f.loop_text as detail
    from first_of_loop as f
    join stg_units as w using (_row)
)
select * from final
