-- An admin's invitation to join their organisation. Only the SHA-256 of the token is stored; the
-- token itself is shown once, to the admin who created it.
create table invitations (
    id              uuid primary key,
    organisation_id uuid        not null references organisations (id) on delete cascade,
    token_hash      text        not null unique,
    email           text,
    role            text        not null check (role in ('admin', 'member')),
    created_by      uuid        not null references users (id) on delete cascade,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz,
    used_by         uuid references users (id) on delete set null
);
