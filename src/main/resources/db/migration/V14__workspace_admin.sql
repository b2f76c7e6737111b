-- A workspace's own admin channel (issue 19), set there by `/287g admin here`: notices about that
-- workspace's channels (a channel paused, alerts given up on) go to it and to whoever installed the
-- app, instead of to the operator who hosts the bot for a whole network. One per Slack workspace or
-- Discord server; removed with the workspace.
--
-- set_at: epoch milliseconds; set_by: the platform's user ID of who set it.
CREATE TABLE workspace_admin (
  platform  TEXT    NOT NULL,
  workspace TEXT    NOT NULL,
  channel   TEXT    NOT NULL,
  set_by    TEXT,
  set_at    INTEGER NOT NULL,
  PRIMARY KEY (platform, workspace)
);
