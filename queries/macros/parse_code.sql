-- parse_code(x): a code as stored and compared: upper case, no spaces.
-- One value in, one out; NULL for blank text.
create or replace temp macro parse_code(x) as nullif(upper(replace(x, ' ', '')), '')
