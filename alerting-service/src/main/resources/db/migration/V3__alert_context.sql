-- The customer's recent journey and scores, fetched from profile-service and scoring-service after
-- the alert was committed, so a slow or absent service never delays or fails an alert.

-- Enrichment progress lives on the alert (set when it is opened, no extra statement on the hot
-- path); the worker changes these columns with plain SQL, never through the entity, so a person's
-- change of the alert and the worker never overwrite each other.
alter table alert add column context_status text not null default 'NONE';  -- ContextStatus
alter table alert add column context_attempts integer not null default 0;
alter table alert add column context_due_at timestamptz;

-- The worker's scan: alerts waiting for their context, by when they are due.
create index alert_context_due_idx on alert (context_due_at, id) where context_status = 'PENDING';

-- The snapshot, as the services answered (journey trimmed to its newest entries).
create table alert_context (
    alert_id    bigint      primary key references alert (id) on delete cascade,
    journey     jsonb,                   -- array of journey entries, oldest first
    scores      jsonb,                   -- ScoreUpdated of scope customer over the configured window
    fetched_at  timestamptz,             -- when the latest part arrived
    last_error  text                     -- why the latest attempt missed a part
);
