-- Operations (issue 12, ADR 0015): every operator action, and the dead letters already handled.

-- Who did what, when, and with which result. Append-only; the API never updates or deletes it.
create table ops_audit (
    id              bigserial   primary key,
    at              timestamptz not null default now(),
    user_id         uuid        not null,
    organisation_id uuid        not null,
    action          text        not null, -- e.g. dead-letters.redrive
    parameters      jsonb       not null default '{}',
    result          text        not null  -- "ok: ..." or "failed: <problem code>"
);

create index ops_audit_at on ops_audit (at desc);

-- A dead letter (its position in a -dlt topic) an operator redrove or discarded. The primary key
-- is the claim: two operators redriving the same record at once send it once.
create table dead_letters_handled (
    dlt_topic     text        not null,
    dlt_partition int         not null,
    dlt_offset    bigint      not null,
    action        text        not null check (action in ('redriven', 'discarded')),
    handled_by    uuid        not null,
    handled_at    timestamptz not null default now(),
    primary key (dlt_topic, dlt_partition, dlt_offset)
);

-- A discarded dead letter of integration.task-observations keeps its idempotency key, marked
-- 'discarded', so that a replay or a consumer-group reset never applies it later: it is a duplicate.
alter table external_task_events drop constraint external_task_events_outcome_check;
alter table external_task_events add constraint external_task_events_outcome_check
    check (outcome in ('applied', 'unchanged', 'stale', 'discarded'));
