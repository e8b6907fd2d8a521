-- The citizen's rating of the answer: one row per ticket, replaced when the link is used again.
create table rating (
    ticket_id  bigint primary key references ticket (id),
    score      integer not null check (score between 1 and 5),
    comment    varchar(1000) not null,
    rated_at   timestamp with time zone not null
);
-- The supervisors' digest counts the ratings given since the previous one.
create index rating_rated_at_idx on rating (rated_at);
-- The key that signs rating links when INTAKE_RATING_SECRET is unset: one row, written once by the first node
-- to start (insert-if-absent), read by every node.
create table rating_key (
    id      integer primary key check (id = 1),
    secret  varchar(100) not null
);
