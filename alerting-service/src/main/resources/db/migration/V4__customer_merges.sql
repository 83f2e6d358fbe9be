-- Customer merges from identity resolution (cx.customer-merges.v1): one row per merged customer id,
-- pointing at the customer it lives on as now (the end of its chain: A into B, then B into C, gives
-- A -> C and B -> C). The primary key is the merge's idempotency key, written in the transaction
-- that moves the merged customer's alerts; a replayed merge finds its row and changes nothing.
-- Answers that still arrive under a merged id are put on survivor_id through this table.
create table customer_merge (
    merged_id        text        primary key,
    survivor_id      text        not null,   -- where the customer lives now (after later merges)
    merged_into      text        not null,   -- the survivor the merge event named
    linking_source   text,
    linking_event_id text,
    occurred_at      timestamptz,            -- event time of the linking event
    merged_at        timestamptz,            -- when profile-service merged them
    received_at      timestamptz not null
);

-- A later merge of a survivor moves everything that points at it.
create index customer_merge_survivor_idx on customer_merge (survivor_id);
