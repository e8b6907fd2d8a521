-- ticket_due_idx (status, due_at) repeats the start of ticket_queue_status_idx (status, due_at, id), which serves every
-- query it served. Each accept paid for it: one more B-tree written per ticket, and on H2 one more set of pages
-- rewritten at every commit (commits there are one at a time).
drop index ticket_due_idx;
