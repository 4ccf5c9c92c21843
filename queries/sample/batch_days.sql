-- One decision (or submission) number and date per batch and top-level unit of the large
-- sample, like real award batches: `batches` holds each batch's number range, document suffix
-- and working days. $seed
create or replace temp table batch_days as
select b.batch, t.top,
       cast(b.lo + h($seed, 'ref', b.batch, t.top) % (b.hi - b.lo + 1) as varchar)
           || '/' || b.suffix as ref,
       b.days[1 + h($seed, 'decided', b.batch, t.top) % len(b.days)] as day
from batches b cross join (select distinct top from units_gen) t
