-- Merges and splits of persons the user made, with what they changed, so each can be undone.
CREATE TABLE person_operations (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  before_json TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  undone_at   TEXT
);
