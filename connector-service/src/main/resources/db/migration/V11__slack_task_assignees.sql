-- The last mapped assignee seen per task of organisations with Slack notifications, so that
-- "assigned" means a new assignee (ExternalTaskUpdated carries no previous one). Only a newer
-- version of the task replaces a row.
create table slack_task_assignees (
    organisation_id uuid   not null,
    task_id         uuid   not null,
    resource_id     uuid,
    version         bigint not null,
    primary key (organisation_id, task_id)
);
