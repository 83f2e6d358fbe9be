-- The closed loop: more causes, team/channel alerts, the lifecycle with deadlines, an audit trail,
-- a transactional outbox for alert events and a log of notification deliveries.

-- What the alert is about. customer_id holds the subject's key: a customer id for scope
-- CUSTOMER, the team name for TEAM, the channel for CHANNEL.
alter table alert add column scope text not null default 'CUSTOMER';
alter table alert add column reason text;                       -- the rule that fired, in words

-- The interaction the answer rates (or the customer's latest contact), as last seen.
alter table alert add column rated_channel text;
alter table alert add column rated_agent_id text;
alter table alert add column rated_team text;
alter table alert add column rated_transfers integer;
alter table alert add column rated_wait_seconds integer;
alter table alert add column rated_at timestamptz;

-- Ownership and lifecycle.
alter table alert add column assignee text;
alter table alert add column acknowledged_at timestamptz;
alter table alert add column acknowledged_by text;
alter table alert add column resolved_at timestamptz;
alter table alert add column resolved_by text;
alter table alert add column outcome text;
alter table alert add column resolution_note text;
alter table alert add column acknowledge_due_at timestamptz;
alter table alert add column resolve_due_at timestamptz;
alter table alert add column acknowledge_escalated boolean not null default false;
alter table alert add column resolve_escalated boolean not null default false;
alter table alert add column escalated_at timestamptz;

update alert set acknowledge_due_at = created_at + interval '1 hour',
                 resolve_due_at = created_at + interval '48 hours'
 where acknowledge_due_at is null;

-- One unresolved alert per subject and cause, now that subjects have scopes.
drop index alert_one_unresolved_per_customer_cause;
create unique index alert_one_unresolved_per_subject_cause
    on alert (scope, customer_id, cause)
    where status <> 'RESOLVED';

create index alert_team_idx on alert (team);
-- The escalation scan: unresolved alerts by their next deadline.
create index alert_ack_due_idx on alert (acknowledge_due_at) where status <> 'RESOLVED';
create index alert_resolve_due_idx on alert (resolve_due_at) where status <> 'RESOLVED';

-- Every change of every alert: who, when, what.
create table alert_audit (
    id          bigserial   primary key,
    alert_id    bigint      not null references alert (id) on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,   -- OPENED, TRIGGERED, ACKNOWLEDGED, ASSIGNED, ESCALATED, RESOLVED, NOTE
    from_status text,
    to_status   text,
    detail      text
);
create index alert_audit_alert_idx on alert_audit (alert_id, id);

-- Transactional outbox: written in the transaction that changes the alert, relayed to
-- cx.alert-events.v1 by a scheduled publisher that marks a row sent only after Kafka acked it.
create table alert_outbox (
    id          bigserial   primary key,
    alert_id    bigint      not null,
    event_type  text        not null,
    payload     text        not null,   -- the AlertEvent as on the wire (JSON with "type")
    created_at  timestamptz not null,
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index alert_outbox_unsent_idx on alert_outbox (id) where sent_at is null;

-- One row per notification and target (webhook URL or mail recipients), written with the outbox
-- row; a dispatcher delivers it with retries, so a failing receiver never blocks an alert.
create table notification_delivery (
    id               bigserial   primary key,
    outbox_id        bigint      not null references alert_outbox (id),
    alert_id         bigint      not null,
    channel          text        not null,   -- WEBHOOK or EMAIL
    target           text        not null,
    message_id       text        not null,   -- webhook-id: the same on every retry
    status           text        not null,   -- PENDING, SENT, FAILED
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    constraint notification_delivery_once unique (message_id, channel, target)
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_alert_idx on notification_delivery (alert_id);

-- The delivery log: every attempt with its result.
create table notification_attempt (
    id           bigserial   primary key,
    delivery_id  bigint      not null references notification_delivery (id) on delete cascade,
    attempt      integer     not null,
    at           timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  bigint      not null
);
create index notification_attempt_delivery_idx on notification_attempt (delivery_id, attempt);

-- The latest interaction seen per conversation: the context of the answer that rates it, and
-- (the newest per customer) the team that owns the customer's last contact, for routing.
create table contact_seen (
    conversation_key text        primary key,
    customer_id      text        not null,
    channel          text,
    agent_id         text,
    team             text,
    transfers        integer,
    wait_seconds     integer,
    occurred_at      timestamptz not null
);
create index contact_seen_customer_idx on contact_seen (customer_id, occurred_at desc);

-- The latest NPS per team/channel and window, so that a 7d update can be compared with the
-- 30d value that arrived on another partition.
create table score_window (
    scope       text             not null,
    key         text             not null,
    window_name text             not null,
    nps_n       bigint           not null,
    nps_score   double precision,
    updated_at  timestamptz      not null,
    primary key (scope, key, window_name)
);
