create table organisations (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

create table users (
    id            uuid primary key,
    email         text        not null,
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- one account per email address, whatever its letter case
create unique index users_email_key on users (lower(email));

create table memberships (
    user_id         uuid        not null references users (id) on delete cascade,
    organisation_id uuid        not null references organisations (id) on delete cascade,
    role            text        not null check (role in ('admin', 'member')),
    created_at      timestamptz not null default now(),
    primary key (user_id, organisation_id)
);
