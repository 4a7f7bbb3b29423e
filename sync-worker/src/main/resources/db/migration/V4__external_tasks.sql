-- External tasks: the newest applied version of each external item of an organisation, with
-- where that version came from (provenance). ADR 0011.
create table external_tasks (
    id                 uuid primary key,
    organisation_id    uuid        not null,
    connection_id      uuid        not null,
    external_system    text        not null,
    external_id        text        not null,
    task_key           text,
    title              text,
    status             text,
    status_category    text,
    kind               text,
    assignee_user_id   text,
    assignee_email     text,
    assignee_name      text,
    resource_id        uuid,                  -- from the user-mapping replica; null when unmapped
    project_key        text,
    labels             text[]      not null default '{}',
    url                text,
    source_created_at  timestamptz,
    source_updated_at  timestamptz not null,  -- the source version: older never overwrites newer
    content_hash       text        not null,  -- SHA-256 of the normalised fields: the tiebreak
    deleted            boolean     not null default false,
    version            bigint      not null,  -- grows with every applied change (ExternalTaskUpdated.version)
    last_event_id      uuid        not null,  -- eventId of the observation last applied
    source             text        not null,  -- webhook | poll | replay
    raw_payload        text,                  -- the provider's JSON as observed
    last_stale_reason  text,
    last_stale_at      timestamptz,
    stale_count        bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    unique (organisation_id, external_system, external_id)
);

create index external_tasks_by_update on external_tasks (organisation_id, source_updated_at desc, id);
create index external_tasks_by_user_id on external_tasks (organisation_id, external_system, assignee_user_id);
create index external_tasks_by_email on external_tasks (organisation_id, external_system, lower(assignee_email));
create index external_tasks_by_resource on external_tasks (organisation_id, resource_id);

-- Every observation envelope ever applied, by idempotency key: a second copy is a no-op.
create table external_task_events (
    organisation_id  uuid        not null,
    idempotency_key  text        not null,
    event_id         uuid        not null,
    external_system  text        not null,
    external_id      text        not null,
    outcome          text        not null check (outcome in ('applied', 'unchanged', 'stale')),
    received_at      timestamptz not null default now(),
    primary key (organisation_id, idempotency_key)
);

-- The local replica of the compacted mapping.user-mappings topic, by record key. A tombstone
-- keeps the row (deleted, no resource) so that an older record replayed later cannot revive it.
create table user_mapping_replica (
    message_key       text primary key,
    organisation_id   uuid        not null,
    external_system   text        not null,
    mapping_id        uuid,
    external_email    text,
    external_user_id  text,
    resource_id       uuid,
    deleted           boolean     not null default false,
    source_partition  int         not null,
    source_offset     bigint      not null,
    updated_at        timestamptz not null default now()
);

create index user_mapping_replica_by_user_id on user_mapping_replica (organisation_id, external_system, external_user_id)
    where not deleted;
create index user_mapping_replica_by_email on user_mapping_replica (organisation_id, external_system, lower(external_email))
    where not deleted;
