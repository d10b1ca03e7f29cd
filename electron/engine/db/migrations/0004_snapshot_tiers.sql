-- Each saved audit keeps every person's tier, so the next audit can say who was pruned, who came
-- back to real and who faded since (only the latest few snapshots keep them: see snapshotsStore).
CREATE TABLE audit_snapshot_tiers (
  snapshot_id INTEGER NOT NULL REFERENCES audit_snapshots(id) ON DELETE CASCADE,
  person_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  tier        TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, person_id)
) WITHOUT ROWID;
