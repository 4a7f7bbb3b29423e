-- Transactional outbox: rows written in the same transaction as the change they announce, then
-- published to Kafka by a relay. The row id becomes the envelope's eventId, so a re-sent row
-- carries the same event id (at-least-once delivery, de-duplicable downstream).
create table outbox (
    id             uuid primary key,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    type           text        not null, -- logical event type name, never a Java class name
    topic          text        not null,
    message_key    text        not null,
    payload        jsonb,                -- the whole envelope; null publishes a tombstone
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);

create index outbox_unpublished on outbox (created_at) where published_at is null;
