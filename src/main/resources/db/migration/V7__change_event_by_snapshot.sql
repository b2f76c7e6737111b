-- A digest is decided per channel and publication: the delivery worker reads a publication's events
-- (the outbox's batch is their snapshot) each time one of its channels comes up, which without
-- this index scans every event ever stored.
CREATE INDEX change_event_by_snapshot ON change_event (snapshot_id, id);
