-- As db/vendor/postgresql's V14_1: the hourly limit's count by lower-cased recipient from an index, not a scan of the
-- whole outbox. H2 computes a generated column on write without PostgreSQL's STORED keyword.
alter table outbox add column recipient_key varchar(254) generated always as (lower(recipient));
create index outbox_recipient_key_idx on outbox (recipient_key, created_at);
drop index outbox_recipient_idx;
