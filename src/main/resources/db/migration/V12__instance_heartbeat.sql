-- Instances sharing a PostgreSQL database (issue 20) each write here every few seconds. The
-- platforms' global rate limits are the bot's, not each process's: an instance paces its sends
-- within its share of them, the limit divided by the instances seen alive. Unused on SQLite,
-- where one process delivers alone.
--
-- seen_at: epoch milliseconds of the instance's last beat.
CREATE TABLE instance_heartbeat (
  instance TEXT    PRIMARY KEY,
  seen_at  INTEGER NOT NULL
);
