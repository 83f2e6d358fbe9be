-- How to reach the customer an alert is about, so that whoever follows it up can ring or write back
-- without asking another service. Two sources: the identifiers of the event that triggered the alert
-- (a later trigger fills or replaces each one it carries and never blanks one it lacks), and those of
-- the customer's profile, fetched from profile-service with the context (V3): the fuller set, which
-- only fills what is still missing. Team and channel alerts have none.
--
-- Sized as ingest bounds these fields (events FieldLimits: email 254, phone 32, handle 128, ids 128),
-- so whatever reached a topic fits; a longer value from elsewhere is left out, never cut.
--
-- Personal data: the erasure clears every column here (persistence.Anonymiser); none of it goes on
-- cx.alert-events.v1, webhooks and mails read it from this row when they are sent.
--
-- Inserted with the alert; afterwards changed only with plain SQL that leaves the version alone
-- (persistence.AlertContacts), as the context columns are: a person's change of the alert and the
-- writers of the contact (triggers, enrichment, merges) never overwrite each other.
alter table alert
    add column contact_email           varchar(254),
    add column contact_phone           varchar(32),
    add column contact_crm_id          varchar(128),
    add column contact_handle          varchar(128),
    add column contact_chat_visitor_id varchar(128),
    -- The channel of the customer's latest contact that the alert knows of (its latest trigger, the
    -- interaction it rates, the profile's channels), and when that contact was: a source replaces it
    -- only with a newer one, whatever order the sources write in.
    add column contact_last_channel    text,
    add column contact_last_channel_at timestamptz;
