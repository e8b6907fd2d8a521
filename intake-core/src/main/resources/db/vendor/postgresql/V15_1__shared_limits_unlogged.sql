-- Rate windows and result pages are short-lived courtesies, not records: unlogged, a request that only touches them
-- commits without waiting for the WAL to reach the disk. After a crash PostgreSQL empties them, which costs a citizen
-- at most a fresh allowance or the «Страница результата устарела» page (the acknowledgement mail is the record).
alter table rate_window set unlogged;
alter table accepted_result set unlogged;
