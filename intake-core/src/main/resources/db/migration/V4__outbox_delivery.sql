-- Sending the outbox: a row is due while next_attempt_at is set; a node claims it until claimed_until.
alter table outbox add column next_attempt_at timestamp with time zone;
alter table outbox add column claimed_until timestamp with time zone;
alter table outbox add column failed_at timestamp with time zone;
update outbox set next_attempt_at = created_at where sent_at is null;
create index outbox_due_idx on outbox (next_attempt_at);
