-- A citizen's Message-ID may be longer than 998 characters. Where it is only stored (and, in the
-- outbox, sent back as In-Reply-To) it is kept whole; the indexed identifier columns hold a hash of
-- an over-long id instead (SqlValues.id). Runs on PostgreSQL and on H2 in PostgreSQL mode.
alter table message alter column in_reply_to set data type text;
alter table outbox alter column in_reply_to set data type text;
