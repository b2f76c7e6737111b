-- What changed between publications, and the alerts still to send about it.

-- One row per change the Differ found, kept forever: status shows the latest ones.
CREATE TABLE change_event (
  id              INTEGER PRIMARY KEY,
  snapshot_id     INTEGER NOT NULL REFERENCES snapshot (id),
  detected_at     TEXT    NOT NULL,
  type            TEXT    NOT NULL,
  list            TEXT    NOT NULL CHECK (list IN ('participating', 'pending')),
  state           TEXT    NOT NULL,
  agency          TEXT    NOT NULL,
  agency_type     TEXT,
  county          TEXT,
  model           TEXT    NOT NULL,
  signed          TEXT,
  moa_url         TEXT,
  moa_pending     INTEGER NOT NULL,
  addendum_url    TEXT,
  previous_agency TEXT,
  previous_signed TEXT,
  details         TEXT    NOT NULL,
  -- Where it reaches, as resolve prints it: "48201;48339", "ST:TX", or "" when unplaced.
  coverage        TEXT    NOT NULL,
  alerts          INTEGER NOT NULL
);

CREATE INDEX change_event_by_state ON change_event (state, id);

-- One row per (event, channel) to tell, written in the same transaction as the event. A row is
-- marked sent only after the platform accepted the message; after a crash, unsent rows resume.
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES change_event (id),
  -- The snapshot whose publication produced it: alerts of one batch to one channel over its
  -- digest threshold go out as one digest.
  batch         INTEGER NOT NULL,
  platform      TEXT    NOT NULL,
  workspace     TEXT    NOT NULL,
  channel       TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  -- Epoch milliseconds: compared as numbers (ISO text of varying precision does not sort).
  due_at        INTEGER NOT NULL,
  last_error    TEXT,
  sent_at       TEXT,
  UNIQUE (event_id, platform, workspace, channel)
);

CREATE INDEX outbox_due ON outbox (platform, status, due_at);
