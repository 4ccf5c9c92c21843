-- fold_key(x): the matching key of a name or list value: lower case, no diacritics (đ = d),
-- no spaces, underscores or punctuation. `Tập thể`, `TAP THE` and `tap_the` give `tapthe`.
create or replace temp macro fold_key(x) as
    regexp_replace(strip_accents(replace(replace(replace(lower(x), 'đ', 'd'), '✓', 'x'), '✔', 'x')),
        '[^a-z0-9]', '', 'g')
