-- parse_number(x[, pct := true]): a DOUBLE from "85", "85.5" or the decimal comma "85,5"; with
-- pct := true (percentage and score columns) also "90%", "90 %", "85,5%". One value in, one
-- out; NULL when the text is no number.
create or replace temp macro parse_number(x, pct := false) as
    coalesce(try_cast(x as double),
             case when regexp_full_match(x, '-?\d+,\d+') then try_cast(replace(x, ',', '.') as double) end,
             case when pct and regexp_full_match(x, '-?\d+([.,]\d+)?\s*%')
                  then try_cast(replace(regexp_replace(x, '\s*%$', ''), ',', '.') as double) end)
