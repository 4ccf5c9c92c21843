-- parse_code(x): a code as stored and compared: upper case, no spaces.
create or replace temp macro parse_code(x) as nullif(upper(replace(x, ' ', '')), '')
