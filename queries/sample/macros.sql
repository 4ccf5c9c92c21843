-- h(seed, tag, ...): the large sample's source of chance, a non-negative BIGINT from DuckDB's
-- hash of the seed, a tag naming what is drawn and the row's position (3 to 6 arguments).
create or replace temp macro h(a, b, c) as cast(hash(a, b, c) >> 1 as bigint),
    (a, b, c, d) as cast(hash(a, b, c, d) >> 1 as bigint),
    (a, b, c, d, e) as cast(hash(a, b, c, d, e) >> 1 as bigint),
    (a, b, c, d, e, f) as cast(hash(a, b, c, d, e, f) >> 1 as bigint)
