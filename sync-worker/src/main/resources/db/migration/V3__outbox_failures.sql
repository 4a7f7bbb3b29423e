-- A row that can never be published (unknown topic, undecodable payload) is set aside with the
-- reason, so it does not block the rows behind it.
alter table outbox add column failed_at timestamptz;
alter table outbox add column failure text;

drop index outbox_unpublished;
create index outbox_unpublished on outbox (seq) where published_at is null and failed_at is null;
