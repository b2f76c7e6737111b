-- A channel the bot cannot post to (not invited, archived, access lost) is paused rather than
-- dropped: its alerts stay pending, and subscribing it again resumes it.
ALTER TABLE channel ADD COLUMN paused_reason TEXT;
ALTER TABLE channel ADD COLUMN paused_at TEXT;
