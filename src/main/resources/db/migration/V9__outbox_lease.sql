-- Delivery claims an outbox row before sending it (issue 18), so that several messages can be in
-- flight and a send that crashed or hung is taken up again, by this process or another one.
--
-- lease_owner / lease_until: who is sending the row and until when (epoch milliseconds) the claim
-- holds; NULL when nobody is. A claim is one conditional UPDATE (the row is pending and its lease
-- free or run out), which SQLite serialises and PostgreSQL can pair with SELECT ... FOR UPDATE
-- SKIP LOCKED over outbox_due when several processes deliver.
--
-- sending_since: when a send began whose answer was never recorded (epoch milliseconds); NULL
-- once an answer is. A claim that finds it set knows the message is in doubt: it may already be
-- in the channel. Discord settles that with the row's nonce, Slack by looking in the channel.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
ALTER TABLE outbox ADD COLUMN sending_since INTEGER;
