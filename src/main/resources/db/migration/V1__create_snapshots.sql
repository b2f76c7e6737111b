-- Every publication watch287g has read, and what it held. Times are UTC ISO-8601 instants.

CREATE TABLE snapshot (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('participating', 'pending')),
  -- The link the file was served under; NULL for files imported or bundled. A kind that differs
  -- from it is ICE publishing the lists swapped (2025-09-22): such a snapshot is quarantined.
  linked_as   TEXT    CHECK (linked_as IN ('participating', 'pending')),
  origin      TEXT    NOT NULL CHECK (origin IN ('fetched', 'imported', 'bundled')),
  source      TEXT    NOT NULL,
  fetched_at  TEXT    NOT NULL,
  sha256      TEXT    NOT NULL,
  row_count   INTEGER NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('good', 'quarantined')),
  reason      TEXT,
  columns     TEXT    NOT NULL,
  warnings    TEXT    NOT NULL
);

CREATE INDEX snapshot_by_kind ON snapshot (kind, status, id);

CREATE TABLE agreement (
  snapshot_id  INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
  row          INTEGER NOT NULL,
  state        TEXT    NOT NULL,
  agency       TEXT    NOT NULL,
  agency_key   TEXT    NOT NULL,
  type         TEXT,
  county       TEXT,
  model        TEXT    NOT NULL,
  signed       TEXT,
  moa_url      TEXT,
  moa_pending  INTEGER NOT NULL,
  addendum_url TEXT,
  PRIMARY KEY (snapshot_id, row)
);

-- One row per list: what was last downloaded from where, so the next poll can ask "changed since?".
CREATE TABLE source_cursor (
  kind          TEXT PRIMARY KEY CHECK (kind IN ('participating', 'pending')),
  url           TEXT,
  etag          TEXT,
  last_modified TEXT,
  sha256        TEXT,
  checked_at    TEXT,
  linked_at     TEXT
);

-- Every look at the source, good or bad: the history an operator reads when something is wrong.
CREATE TABLE fetch_attempt (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  target      TEXT NOT NULL CHECK (target IN ('page', 'participating', 'pending')),
  url         TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('stored', 'quarantined', 'unchanged', 'failed', 'not_linked')),
  detail      TEXT NOT NULL,
  snapshot_id INTEGER REFERENCES snapshot (id)
);

CREATE INDEX fetch_attempt_by_time ON fetch_attempt (at);
