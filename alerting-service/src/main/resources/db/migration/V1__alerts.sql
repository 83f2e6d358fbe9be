-- Alerts for the closed loop: one row per customer and cause while it is not resolved, and one
-- alert_trigger row per event that opened or fed it.

create table alert (
    id                bigserial   primary key,
    customer_id       text        not null,
    cause             text        not null,   -- DETRACTOR (later HIGH_EFFORT, ...)
    severity          text        not null,   -- HIGH or CRITICAL; only ever raised
    status            text        not null,   -- OPEN (later ACKNOWLEDGED, RESOLVED, ESCALATED)
    channel           text,
    team              text,
    agent_id          text,
    conversation_id   text,
    score             integer,
    comment           text,
    trigger_count     integer     not null,
    opened_at         timestamptz not null,   -- event time of the first trigger
    last_triggered_at timestamptz,            -- latest event time of any trigger
    created_at        timestamptz not null,   -- wall clock when the row was written
    version           bigint      not null default 0  -- optimistic locking
);

-- "One open alert per customer and cause": further triggers attach to it. Resolved alerts drop
-- out of the index, so a customer can get a new alert after the last one was closed.
create unique index alert_one_unresolved_per_customer_cause
    on alert (customer_id, cause)
    where status <> 'RESOLVED';

-- The queue view: newest first, optionally filtered.
create index alert_opened_at_idx on alert (opened_at desc, id desc);
create index alert_customer_idx on alert (customer_id);

create table alert_trigger (
    id          bigserial   primary key,
    alert_id    bigint      not null references alert (id) on delete cascade,
    source      text        not null,
    event_id    text        not null,
    occurred_at timestamptz not null,
    score       integer,
    comment     text,
    received_at timestamptz not null,
    -- The idempotency key: written in the same transaction as the alert change, so a replayed
    -- Kafka record (crash between DB commit and offset commit) cannot count twice.
    constraint alert_trigger_source_event_id_key unique (source, event_id)
);

create index alert_trigger_alert_idx on alert_trigger (alert_id, occurred_at);
