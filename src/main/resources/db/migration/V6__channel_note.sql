-- A channel's own line in every alert's "what you can do" (a hotline, the county commission's next
-- meeting), set by its managers with /287g note; empty when none.
ALTER TABLE channel ADD COLUMN note TEXT NOT NULL DEFAULT '';
