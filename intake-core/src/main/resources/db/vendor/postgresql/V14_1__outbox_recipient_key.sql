-- The hourly limit on automatic mail counts a recipient's rows of the last hour at every acknowledgement. It compared
-- lower(recipient), which no index served: each accept read the whole outbox, which only grows (about a quarter of an
-- accept's time at 12,000 rows). The lower-cased address is kept beside it and indexed with the time. The old index on
-- the address as written served no query.
alter table outbox add column recipient_key varchar(254) generated always as (lower(recipient)) stored;
create index outbox_recipient_key_idx on outbox (recipient_key, created_at);
drop index outbox_recipient_idx;
