-- The staff queue (/staff, GET /api/v1/tickets, the CSV export): sorted by due time, then by key, and paged by that
-- pair; each filter has an index that yields its tickets in that order. Runs on PostgreSQL and on H2.

-- A mail to the citizen failed for good: set with the outbox row's failed_at (JdbcOutboxQueue.failed), so the queue's
-- flag is a column, not a search of the outbox and the log for every row shown.
alter table ticket add column ack_failed boolean not null default false;
update ticket set ack_failed = true
    where exists (select 1 from outbox o where o.ticket_id = ticket.id and o.failed_at is not null)
       or exists (select 1 from intake_event e where e.ticket_id = ticket.id and e.kind = 'acknowledgement_failed');

create index ticket_queue_idx on ticket (due_at, id);
create index ticket_queue_status_idx on ticket (status, due_at, id);
create index ticket_queue_category_idx on ticket (category, due_at, id);
create index ticket_queue_assignee_idx on ticket (assignee, due_at, id);
create index ticket_created_idx on ticket (created_at);
create index ticket_phone_idx on ticket (requester_phone);
create index outbox_ticket_idx on outbox (ticket_id);
create index intake_event_ticket_idx on intake_event (ticket_id);
