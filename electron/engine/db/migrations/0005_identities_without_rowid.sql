-- Identities are most of an import's writes: keyed by (kind, value, person_id) alone, without a
-- rowid, each one is stored once in its key's b-tree instead of in a table plus that key's index.
CREATE TABLE identities_new (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('email', 'url', 'phone', 'name')),
  value     TEXT NOT NULL,
  batch_id  INTEGER REFERENCES import_batches(id),
  PRIMARY KEY (kind, value, person_id)
) WITHOUT ROWID;
INSERT INTO identities_new (person_id, kind, value, batch_id) SELECT person_id, kind, value, batch_id FROM identities;
DROP TABLE identities;
ALTER TABLE identities_new RENAME TO identities;
CREATE INDEX identities_person ON identities(person_id);
