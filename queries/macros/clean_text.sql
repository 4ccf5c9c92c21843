-- clean_text(x): the text rule of the contract: Unicode NFC, NBSP / zero-width / BOM removed,
-- runs of white space folded to one space, trimmed; an empty result is NULL.
create or replace temp macro clean_text(x) as
    nullif(trim(regexp_replace(nfc_normalize(x),
        '[\s\x{00A0}\x{1680}\x{2000}-\x{200D}\x{2028}\x{2029}\x{202F}\x{205F}\x{2060}\x{3000}\x{FEFF}]+',
        ' ', 'g')), '')
