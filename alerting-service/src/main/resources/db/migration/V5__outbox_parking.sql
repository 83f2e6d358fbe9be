-- A row that cannot be published (it cannot be read back or serialized, the broker refuses it)
-- waits next_attempt_at and is parked after a few attempts, so it never holds back later rows.
-- A parked row stays for an operator to inspect and, after a fix, to release (set parked_at null).
alter table alert_outbox add column next_attempt_at timestamptz;
alter table alert_outbox add column parked_at timestamptz;
drop index alert_outbox_unsent_idx;
create index alert_outbox_unsent_idx on alert_outbox (id) where sent_at is null and parked_at is null;
