-- A new file's parse is written down as started before the parser sees it, and as finished once the
-- parser returns (with a publication or a reason). A file whose parse started twice and never
-- finished took the process down with it each time (out of memory, killed): it is refused at the
-- next look instead of being parsed, and crashing the bot, on every restart. Twice, not once, so
-- that one unlucky kill (a deploy, a power cut) during a good file's parse does not refuse it.
CREATE TABLE parse_journal (
  sha256      TEXT PRIMARY KEY,
  url         TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  attempts    INTEGER NOT NULL DEFAULT 1
);
