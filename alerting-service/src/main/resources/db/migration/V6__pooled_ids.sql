-- The rows an alert writes (alert, trigger, audit, outbox, delivery) take their ids from their
-- sequences in blocks of 50 (Hibernate's pooled optimizer, allocationSize = 50), so a batch's
-- inserts can be sent as JDBC batches instead of one round trip per row (identity ids must be read
-- back row by row). The bigserial sequences stay the columns' defaults: existing rows keep their ids,
-- the next value is above every id handed out before, and an insert without an id still works
-- (it takes a whole block's last value, which the pooled optimizer never hands out).
alter sequence alert_id_seq increment by 50;
alter sequence alert_trigger_id_seq increment by 50;
alter sequence alert_audit_id_seq increment by 50;
alter sequence alert_outbox_id_seq increment by 50;
alter sequence notification_delivery_id_seq increment by 50;
