-- ADR 0021: the site a person browses, besides the API's base URL (OAuth Jira calls go through api.atlassian.com)
alter table connection_replica add column site_url text;

-- ADR 0021: what the fetch of a sync run published, and how the apply stage judged each of those observations
create table sync_run_fetches (
    sync_run_id       uuid primary key,
    organisation_id   uuid        not null,
    connection_id     uuid        not null,
    state             text        not null check (state in ('fetching', 'ended', 'failed')),
    pages             integer     not null default 0,
    error             text,
    reported          text,        -- the last progress connector-service acknowledged: status/pages/seen/applied
    closed            boolean     not null default false, -- its final status was acknowledged
    updated_at        timestamptz not null default now()
);
create index sync_run_fetches_open on sync_run_fetches (updated_at) where not closed;

create table sync_run_observations (
    sync_run_id      uuid        not null references sync_run_fetches (sync_run_id) on delete cascade,
    idempotency_key  text        not null,
    outcome          text check (outcome in ('applied', 'unchanged', 'stale', 'duplicate')),
    judged_at        timestamptz,
    primary key (sync_run_id, idempotency_key)
);
