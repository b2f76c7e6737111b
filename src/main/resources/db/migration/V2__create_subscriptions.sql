-- Channels that follow places, and how each wants its alerts.

CREATE TABLE channel (
  platform         TEXT    NOT NULL,
  workspace        TEXT    NOT NULL,
  channel          TEXT    NOT NULL,
  language         TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es')),
  include_pending  INTEGER NOT NULL DEFAULT 1,
  models           TEXT    NOT NULL DEFAULT 'JEM,TFM,WSO',
  digest_threshold INTEGER NOT NULL DEFAULT 5,
  created_at       TEXT    NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);

-- One row per place a channel follows: a county FIPS ("48201") or a whole state ("ST:TX").
CREATE TABLE subscription (
  platform   TEXT NOT NULL,
  workspace  TEXT NOT NULL,
  channel    TEXT NOT NULL,
  target     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  PRIMARY KEY (platform, workspace, channel, target),
  FOREIGN KEY (platform, workspace, channel)
    REFERENCES channel (platform, workspace, channel) ON DELETE CASCADE
);

CREATE INDEX subscription_by_target ON subscription (target);
