-- H2 has no full-text configuration, expression or partial index of PostgreSQL's kind: its queue searches words with a
-- plain case-insensitive match, and the shared indexes of V10 serve its filters (db/vendor/postgresql has the rest).
select 1;
