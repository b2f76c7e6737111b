-- Workspaces that installed the Slack app through "Add to Slack" (slack.clientId set).
-- Tokens are stored encrypted (AES-GCM, a random nonce per value, the key from
-- WATCH287G_SECRET_KEY); installed_at and bot_token_expires_at are epoch milliseconds.
-- Portable SQL: the same script runs on PostgreSQL.
CREATE TABLE slack_installation (
  team_id TEXT NOT NULL PRIMARY KEY,
  app_id TEXT NOT NULL,
  bot_user_id TEXT NOT NULL,
  bot_token TEXT NOT NULL,
  bot_refresh_token TEXT,
  bot_token_expires_at BIGINT,
  scopes TEXT NOT NULL,
  installer_user_id TEXT NOT NULL,
  installed_at BIGINT NOT NULL
);

-- The single-use "state" of each install begun at /slack/install, until it is used or expires.
CREATE TABLE slack_oauth_state (
  state TEXT NOT NULL PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
