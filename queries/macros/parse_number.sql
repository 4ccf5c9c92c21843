-- parse_number(x): a DOUBLE from "85", "85.5" or the Vietnamese decimal comma "85,5".
-- One value in, one out; NULL when the text is no number.
create or replace temp macro parse_number(x) as
    coalesce(try_cast(x as double),
             case when regexp_full_match(x, '-?\d+,\d+') then try_cast(replace(x, ',', '.') as double) end)
