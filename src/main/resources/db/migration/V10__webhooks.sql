-- Webhooks (issue 17): a URL that receives each alert as signed JSON, a third kind of destination
-- beside Slack and Discord channels. A webhook is a channel of platform 'webhook' (its own row in
-- channel, subscription and outbox, so the matcher, the outbox and its retries treat it as any
-- channel); this table says where it posts and with which secret.
--
-- A webhook registered in a chat channel (/287g webhook <url>) mirrors that channel: owner_* name
-- it, and what the channel follows and how it hears are copied to the webhook as they change.
-- One set by the operator in the config file has no owner; its places come from the config.
CREATE TABLE webhook (
  workspace       TEXT NOT NULL,
  channel         TEXT NOT NULL,
  url             TEXT NOT NULL,
  -- The HMAC-SHA256 key requests are signed with; the receiver holds the same one.
  secret          TEXT NOT NULL,
  owner_platform  TEXT,
  owner_workspace TEXT,
  owner_channel   TEXT,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  PRIMARY KEY (workspace, channel)
);

CREATE UNIQUE INDEX webhook_by_owner ON webhook (owner_platform, owner_workspace, owner_channel);
