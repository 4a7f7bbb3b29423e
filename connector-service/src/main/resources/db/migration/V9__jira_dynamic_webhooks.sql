-- The dynamic webhooks an OAuth Jira connection registered at Jira (POST /rest/api/3/webhook) and
-- when they expire (30 days after registration or the last refresh).
alter table connections
    add column jira_webhook_ids        bigint[],
    add column jira_webhook_expires_at timestamptz;
