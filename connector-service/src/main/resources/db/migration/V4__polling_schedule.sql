-- When a polling connection is next due; claimed by a conditional update, so several instances
-- of connector-service request each due sync once.
alter table connections add column next_poll_at timestamptz;

create index connections_due_for_polling on connections (next_poll_at) where polling_enabled and enabled;
