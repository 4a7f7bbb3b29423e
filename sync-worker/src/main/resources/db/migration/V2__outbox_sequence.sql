-- Rows written in one transaction share created_at; a sequence gives the relay their true order.
alter table outbox add column seq bigserial;

drop index outbox_unpublished;
create index outbox_unpublished on outbox (seq) where published_at is null;
