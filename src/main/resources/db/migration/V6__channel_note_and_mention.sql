-- A channel's own line in every alert's "what you can do" (a hotline, the county commission's next
-- meeting), set by its managers with /287g note; empty when none.
ALTER TABLE channel ADD COLUMN note TEXT NOT NULL DEFAULT '';
-- Who the channel's alerts of a new agreement or request ping, set by its managers with
-- /287g mention: a token (here, subteam:<Slack user group ID>, role:<Discord role ID>); empty when
-- no one.
ALTER TABLE channel ADD COLUMN mention TEXT NOT NULL DEFAULT '';
