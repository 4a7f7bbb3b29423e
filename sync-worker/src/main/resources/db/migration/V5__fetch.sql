-- The fetch stage's view of connections: the local replica of the compacted
-- integration.connections topic (what to fetch: site, projects or repositories, JQL filter).
-- A tombstone keeps the row (deleted) so a replayed older snapshot cannot revive it.
create table connection_replica (
    connection_id    uuid primary key,
    organisation_id  uuid        not null,
    external_system  text        not null,
    base_url         text,
    project_keys     text[]      not null default '{}',
    jql_filter       text,
    enabled          boolean     not null,
    deleted          boolean     not null default false,
    revision         bigint      not null,
    updated_at       timestamptz not null default now()
);

-- Incremental fetching: per connection and scope ('jira', or a GitHub repository), the highest
-- source updated time fetched so far and the ids already fetched at exactly that time. Saved
-- after every page, so a crashed sync resumes and the next sync fetches only what changed.
create table sync_cursors (
    connection_id      uuid        not null,
    scope              text        not null,
    source_updated_at  timestamptz not null,
    ids_at_cursor      text[]      not null default '{}',
    updated_at         timestamptz not null default now(),
    primary key (connection_id, scope)
);
