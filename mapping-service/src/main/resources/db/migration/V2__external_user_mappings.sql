-- Which internal resource (person) an external account stands for, per organisation.
create table external_user_mappings (
    id               uuid primary key,
    organisation_id  uuid        not null,
    external_system  text        not null check (external_system in ('jira', 'github', 'slack')),
    external_email   text,
    external_user_id text,
    resource_id      uuid        not null,
    version          bigint      not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (external_email is not null or external_user_id is not null)
);

-- one mapping per organisation, system and email (any letter case) ...
create unique index external_user_mappings_email_key
    on external_user_mappings (organisation_id, external_system, lower(external_email))
    where external_email is not null;

-- ... and per organisation, system and external user id
create unique index external_user_mappings_user_id_key
    on external_user_mappings (organisation_id, external_system, external_user_id)
    where external_user_id is not null;

create index external_user_mappings_by_resource on external_user_mappings (organisation_id, resource_id);
