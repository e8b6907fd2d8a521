-- ticket_requester_idx (requester_email) serves no query: every lookup by address compares lower(requester_email)
-- (the queue, the status page, erasure), which PostgreSQL serves with ticket_requester_lower_idx (V10_1) and H2 with
-- no index at all. Each accept paid for it: one more B-tree written per ticket, and on H2 one more set of pages
-- rewritten at every commit.
drop index ticket_requester_idx;
