-- Discord shards spread over the instances sharing a PostgreSQL database (issue 20): an instance
-- running fewer shards than its fair part (the shards divided by the instances alive, rounded up),
-- with none free to take, says here how many more it would run; an instance running more than its
-- part then gives one up for it. 0: content. Unused on SQLite, where one process runs every shard.
ALTER TABLE instance_heartbeat ADD COLUMN shards_wanted INTEGER NOT NULL DEFAULT 0;
