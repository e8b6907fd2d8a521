-- The reply clock and staff moves: the at-risk point and allowed business time of a deadline, the pause of a
-- waiting or resolved ticket, whether staff have answered since the citizen last wrote, who took it.
alter table ticket add column at_risk boolean not null default false;
alter table ticket add column at_risk_from timestamp with time zone;
alter table ticket add column allowed_seconds bigint;
alter table ticket add column paused_since timestamp with time zone;
alter table ticket add column answered boolean not null default false;
alter table ticket add column assignee varchar(100);
update ticket set at_risk_from = due_at, allowed_seconds = 97200 where at_risk_from is null;
alter table ticket alter column at_risk_from set not null;
alter table ticket alter column allowed_seconds set not null;
-- FlagOverdue's scans: only tickets not yet flagged and not answered, by time.
create index ticket_overdue_scan_idx on ticket (overdue, answered, due_at);
create index ticket_at_risk_scan_idx on ticket (at_risk, answered, at_risk_from);
create index ticket_paused_idx on ticket (status, paused_since);
alter table intake_event add column staff varchar(100);
