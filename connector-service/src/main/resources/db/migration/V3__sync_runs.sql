-- One request to sync a connection, and what came of it (reported back by the sync-worker).
create table sync_runs (
    id              uuid primary key,
    connection_id   uuid        not null references connections (id) on delete cascade,
    organisation_id uuid        not null,
    trigger         text        not null check (trigger in ('manual', 'schedule', 'replay')),
    status          text        not null check (status in ('queued', 'running', 'succeeded', 'failed')),
    pages           integer     not null default 0,
    items_seen      integer     not null default 0,
    items_applied   integer     not null default 0,
    error           text,
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);

-- at most one queued or running sync per connection: another sync-now gets that run back
create unique index sync_runs_one_active on sync_runs (connection_id) where status in ('queued', 'running');

create index sync_runs_by_connection on sync_runs (connection_id, requested_at desc);
