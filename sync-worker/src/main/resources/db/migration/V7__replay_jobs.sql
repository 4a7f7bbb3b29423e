-- Replay jobs (issue 12, ADR 0017): their request and progress outlive a restart of the worker.
-- The instance running a job saves its counts after every batch (at least every few seconds, the
-- heartbeat). A job whose instance stopped is 'interrupted': marked so on a clean shutdown, or
-- shown so once its heartbeat is older than a minute. Interrupted jobs are not resumed.
create table replay_jobs (
    id               uuid        primary key,
    status           text        not null check (status in ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    request          jsonb       not null,  -- topic, mode, window or offsets, organisation, connection
    started_by       uuid        not null,
    total            bigint      not null default 0,
    read             bigint      not null default 0,
    skipped          bigint      not null default 0,
    unreadable       bigint      not null default 0,
    observations     bigint      not null default 0,
    duplicate        bigint      not null default 0,
    applied          bigint      not null default 0,
    unchanged        bigint      not null default 0,
    stale            bigint      not null default 0,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    heartbeat_at     timestamptz not null,
    cancel_requested boolean     not null default false,
    error            text
);

create index replay_jobs_started_at on replay_jobs (started_at desc);
