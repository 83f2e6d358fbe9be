-- Erasure of a customer (GDPR art. 17, cx.erasures.v1). The alerts stay for the closed-loop KPIs,
-- anonymised: their customer id becomes 'erased:<erasure id>', texts and identifiers go (see
-- persistence.Anonymiser). Neither table below holds a customer id: only its SHA-256, which names
-- nobody to whoever does not hold the id already, and which the id's own events are checked against.

-- One row per erasure handled: its idempotency key, written in the transaction that anonymised the
-- rows, so a redelivered request changes nothing and reports the same count again.
create table erasure (
    erasure_id      text        primary key,
    customer_hash   text        not null,   -- SHA-256 (hex) of the customer id the request named
    requested_at    timestamptz not null,
    requested_by    text,                   -- the admin who asked (staff, not the customer)
    completed_at    timestamptz not null,
    rows_affected   bigint      not null
);

-- Every customer id erased (the survivor named and the ids merged into it), with the latest erasure
-- of it: an event of that id ingested before requested_at (in flight, or a replay) is ignored
-- instead of bringing the data back; one ingested later is a new contact.
create table erased_customer (
    customer_hash   text        primary key,
    erasure_id      text        not null,
    requested_at    timestamptz not null
);
