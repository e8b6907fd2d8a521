-- The HTML alternative of outgoing mail; empty for mail written before it existed.
alter table outbox add column html_body text not null default '';
