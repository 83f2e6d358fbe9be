-- notification_attempt was left out of V6: its ids came from the identity column, so Hibernate
-- inserted each attempt on its own round trip to read its id back, one per delivery in a
-- dispatcher batch. It now takes them from its sequence in blocks of 50 like the other tables
-- (NotificationAttempt, pooled optimizer), and a batch's attempts go out as one JDBC batch. The
-- bigserial default stays, for the same reasons as in V6.
alter sequence notification_attempt_id_seq increment by 50;
