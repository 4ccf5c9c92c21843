-- parse_subject(x): the subject type code `tap_the` (a unit) or `ca_nhan` (a staff member).
-- One value in, one out; NULL when the text names neither (matched after fold_key).
create or replace temp macro parse_subject(x) as
    case
        when fold_key(x) in ('tapthe', 'unit', 'collective') then 'tap_the'
        when fold_key(x) in ('canhan', 'staff', 'individual') then 'ca_nhan'
    end
