-- H2 has no unlogged tables; on PostgreSQL rate_window and accepted_result are made unlogged (db/vendor/postgresql).
select 1;
