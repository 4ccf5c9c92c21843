-- A database written before agg_nomination_steps kept each nomination's name_rank gains the
-- column (NULL until aggregates/campaign_is_stale has that campaign rebuilt). No rows, no
-- parameters.
alter table agg_nomination_steps add column if not exists name_rank bigint
