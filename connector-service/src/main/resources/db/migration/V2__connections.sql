-- A connection of one organisation to one provider account or site. Secrets are stored sealed
-- by CredentialVault ('v1:<keyId>:<base64>'), never in plaintext.
create table connections (
    id                    uuid primary key,
    organisation_id       uuid        not null,
    type                  text        not null check (type in ('jira', 'confluence', 'github', 'slack')),
    auth_type             text        not null check (auth_type in ('api_token', 'oauth')),
    display_name          text        not null,
    base_url              text,
    email                 text,
    api_token             text,
    webhook_secret        text,
    project_keys          text[]      not null default '{}',
    jql_filter            text,
    polling_enabled       boolean     not null default false,
    enabled               boolean     not null default true,
    is_primary            boolean     not null default false,
    status                text        not null default 'active' check (status in ('active', 'expired', 'revoked', 'error')),
    last_error            text,
    error_count           integer     not null default 0,
    last_used_at          timestamptz,
    connected_at          timestamptz,
    token_expiry          timestamptz,
    external_account_id   text,
    external_email        text,
    external_display_name text,
    revision              bigint      not null default 1,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

-- one API-token connection per organisation, site and account
create unique index connections_api_token_identity
    on connections (organisation_id, type, lower(base_url), lower(email))
    where auth_type = 'api_token';

-- at most one primary connection per organisation and type
create unique index connections_one_primary on connections (organisation_id, type) where is_primary;

create index connections_by_organisation on connections (organisation_id, created_at);
