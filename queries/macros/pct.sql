-- pct(num, den): 100 × num / den rounded to one decimal, half up on the exact fraction (as
-- people round, and as thidua.formats writes numbers: 1,851 of 2,000 is 92.6%, where a float's
-- 92.55 is 92.549999… and rounds to 92.5); NULL when den is 0 or NULL. Counts (num, den ≥ 0).
-- Integer arithmetic: (2000 × num + den) // (2 × den) is the count of tenths, rounded.
create or replace temp macro pct(p_num, p_den) as
    case when p_den is null or p_den = 0 or p_num is null then null
         else cast((2000 * cast(p_num as hugeint) + p_den) // (2 * cast(p_den as hugeint))
                   as double) / 10 end
