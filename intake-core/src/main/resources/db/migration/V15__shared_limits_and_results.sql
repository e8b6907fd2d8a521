-- Rate-limit windows of the citizens' web (form, API, status lookups), in the database so that every node counts
-- against the same allowance: two nodes behind a load balancer must not double it. One row per limit and key; the
-- key (a client address or an email) is stored only as its SHA-256, and rows go soon after their window ends.
create table rate_window (
    limit_name     varchar(40) not null,
    key_hash       varchar(64) not null,
    window_start   timestamp with time zone not null,
    window_end     timestamp with time zone not null,
    used           integer not null,
    primary key (limit_name, key_hash)
);
create index rate_window_end_idx on rate_window (window_end);

-- The result page a form post redirects to (/feedback/accepted/{id}), kept here so that the redirect may land on
-- any node. The id is 128 random bits; the confirmation names the citizen's email, so rows are deleted once past
-- keep_until (30 minutes after the post) as new ones come.
create table accepted_result (
    id             varchar(32) primary key,
    heading        varchar(200) not null,
    ticket_number  varchar(40) not null,
    due_at         timestamp with time zone not null,
    confirmation   varchar(2000) not null,
    keep_until     timestamp with time zone not null
);
create index accepted_result_until_idx on accepted_result (keep_until);
