-- Slack notifications (issue 13, ADR 0016): where an organisation's Slack connection posts and
-- which task changes it posts. Empty systems/projects: every one.
create table slack_notification_settings (
    connection_id   uuid        primary key references connections (id) on delete cascade,
    organisation_id uuid        not null,
    channel         text        not null,
    enabled         boolean     not null default true,
    systems         text[]      not null default '{}',
    projects        text[]      not null default '{}',
    changes         text[]      not null,
    updated_at      timestamptz not null
);

create index slack_notification_settings_by_organisation on slack_notification_settings (organisation_id);

-- One row per (event, Slack connection) that a notification was taken on, written before anything
-- is posted: a redelivered event finds its row and posts nothing (at most once per event id).
-- pending: taken, waiting in the burst buffer; posted; dropped (Slack refused it, or gave up).
-- A crash between taking and posting leaves the row pending and the notification unposted.
create table slack_notified_events (
    event_id      uuid        not null,
    connection_id uuid        not null references connections (id) on delete cascade,
    status        text        not null check (status in ('pending', 'posted', 'dropped')),
    recorded_at   timestamptz not null,
    finished_at   timestamptz,
    primary key (event_id, connection_id)
);

create index slack_notified_events_recorded on slack_notified_events (recorded_at);
