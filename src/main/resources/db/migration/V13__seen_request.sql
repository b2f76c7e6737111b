-- Slack's signed requests already answered (issue 20): with several instances behind a load
-- balancer, a request replayed to another instance, or after a restart, must be refused too, so
-- the replay guard's memory is kept here when the database is shared. A row is kept until its
-- timestamp is too old for the signature check to accept it anyway.
--
-- digest: the first 64 bits of SHA-256 over "timestamp:signature".
-- keep_until: epoch milliseconds.
CREATE TABLE seen_request (
  digest     INTEGER NOT NULL,
  keep_until INTEGER NOT NULL,
  PRIMARY KEY (digest)
);

CREATE INDEX seen_request_by_expiry ON seen_request (keep_until);
