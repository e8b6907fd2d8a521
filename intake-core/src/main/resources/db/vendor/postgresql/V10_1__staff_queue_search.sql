-- The queue's search and its few-ticket views on PostgreSQL (H2 has neither expression nor partial indexes).
-- Words of the text: full-text search in the Russian configuration; JdbcTicketQueue's condition repeats this exact
-- expression, or the index is not used.
create index message_words_idx on message using gin (to_tsvector('russian', subject || ' ' || body));
-- An address is matched without regard to case; it is stored as the requester typed it.
create index ticket_requester_lower_idx on ticket (lower(requester_email));
-- The default view (open tickets) and the flags: each a small index in the queue's order, so a page reads a few dozen
-- rows however many closed tickets the table holds.
create index ticket_queue_open_idx on ticket (due_at, id) where status in ('accepted', 'in_progress', 'waiting_for_citizen');
create index ticket_queue_overdue_idx on ticket (due_at, id) where overdue;
create index ticket_queue_at_risk_idx on ticket (due_at, id) where at_risk;
create index ticket_queue_repeat_idx on ticket (due_at, id) where repeat_request;
create index ticket_queue_ack_failed_idx on ticket (due_at, id) where ack_failed;
