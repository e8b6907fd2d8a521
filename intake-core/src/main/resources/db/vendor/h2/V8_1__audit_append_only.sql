-- H2, the single-node embedded default, has no SQL triggers; there the audit is append-only because the service has
-- no statement that updates or deletes it. PostgreSQL refuses such statements with a trigger (db/vendor/postgresql).
select 1;
