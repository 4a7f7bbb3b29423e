-- OAuth authorisations in flight: one row per authorize request, taken (deleted) by its callback,
-- so a state is single-use. The state itself is not stored, only its SHA-256 (hex): a database
-- reader cannot complete someone's authorisation. Bound to organisation, user and provider; the
-- PKCE verifier waits here for the code exchange.
create table oauth_states (
    state_hash      text        primary key,
    provider        text        not null,
    organisation_id uuid        not null,
    user_id         uuid        not null,
    code_verifier   text,
    redirect_uri    text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);

create index oauth_states_expiry on oauth_states (expires_at);

-- OAuth connections: tokens sealed by CredentialVault like the API token; the provider's identity
-- of the grant (Atlassian cloud id, GitHub user id, Slack team id) decides whether a new
-- authorisation updates an existing connection.
alter table connections
    add column access_token   text,
    add column refresh_token  text,
    add column oauth_identity text,
    add column site_url       text,
    add column scopes         text;

create unique index connections_oauth_identity
    on connections (organisation_id, type, oauth_identity)
    where auth_type = 'oauth';

create index connections_oauth_expiring on connections (token_expiry)
    where auth_type = 'oauth' and refresh_token is not null;
