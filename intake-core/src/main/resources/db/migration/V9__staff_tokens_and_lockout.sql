-- API tokens of staff accounts: like session cookies, only the SHA-256 of a token is stored, so a copy of this table
-- signs nobody in. A revoked token keeps its row (when it was issued and revoked), and never works again.
create table staff_token (
    token_hash     varchar(64) primary key,
    account_id     bigint not null references staff_account (id),
    created_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone
);
create index staff_token_account_idx on staff_token (account_id);

-- Failed sign-ins counted per key ('login:NAME' and 'address:IP'), in the database so that every node sees the same
-- count: an attacker spreading guesses over the nodes behind a load balancer gains nothing.
create table login_failure (
    lock_key       varchar(120) primary key,
    failures       integer not null,
    locked_until   timestamp with time zone,
    forget_at      timestamp with time zone not null
);
create index login_failure_forget_idx on login_failure (forget_at);
