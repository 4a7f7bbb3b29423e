-- The id of the webhook sealing key under which the connection's latest snapshot on
-- integration.connections carried its webhook secret (null: none published yet). Resealing
-- re-announces every connection with a webhook secret whose value here is not the active key.
alter table connections add column webhook_secret_published_key text;
