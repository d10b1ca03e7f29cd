-- The first schema: persons merged across networks, their identities and connections, interaction
-- records with their participants (linked through distinct contacts), decisions, tags, audits.

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('connections', 'interactions', 'manual', 'demo')),
  file        TEXT NOT NULL,
  file_hash   TEXT,
  format      TEXT NOT NULL,
  network     TEXT,
  created_at  TEXT NOT NULL,
  counts_json TEXT NOT NULL DEFAULT '{}',
  undone_at   TEXT
);

CREATE TABLE persons (
  id               TEXT PRIMARY KEY,
  display_name     TEXT NOT NULL,
  company          TEXT NOT NULL DEFAULT '',
  position         TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '',
  created_batch_id INTEGER REFERENCES import_batches(id),
  created_at       TEXT NOT NULL
);

-- Normalised identifiers that link records to a person (SPEC §5): email, url, phone, name (name key).
CREATE TABLE identities (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('email', 'url', 'phone', 'name')),
  value     TEXT NOT NULL,
  batch_id  INTEGER REFERENCES import_batches(id),
  PRIMARY KEY (kind, value, person_id)
);
CREATE INDEX identities_person ON identities(person_id);

CREATE TABLE connections (
  id               INTEGER PRIMARY KEY,
  person_id        TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  network          TEXT NOT NULL,
  external_key     TEXT NOT NULL,
  first_name       TEXT NOT NULL DEFAULT '',
  last_name        TEXT NOT NULL DEFAULT '',
  full_name        TEXT NOT NULL DEFAULT '',
  emails_json      TEXT NOT NULL DEFAULT '[]',
  profile_url      TEXT NOT NULL DEFAULT '',
  phones_json      TEXT NOT NULL DEFAULT '[]',
  company          TEXT NOT NULL DEFAULT '',
  position         TEXT NOT NULL DEFAULT '',
  connected_on     TEXT,
  first_batch_id   INTEGER REFERENCES import_batches(id),
  last_batch_id    INTEGER REFERENCES import_batches(id),
  removed_at       TEXT,
  removed_batch_id INTEGER REFERENCES import_batches(id),
  UNIQUE (network, external_key)
);
CREATE INDEX connections_person ON connections(person_id);

-- Previous values of rows an import updated, so that undoing the batch restores them.
CREATE TABLE batch_changes (
  batch_id    INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  table_name  TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  before_json TEXT NOT NULL
);
CREATE INDEX batch_changes_batch ON batch_changes(batch_id);

CREATE TABLE interactions (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER REFERENCES import_batches(id),
  source_key   TEXT NOT NULL UNIQUE,
  kind         TEXT NOT NULL CHECK (kind IN ('in_person', 'call', 'video', 'email', 'message', 'event')),
  occurred_at  TEXT NOT NULL,
  day          TEXT NOT NULL,
  thread_key   TEXT,
  subject      TEXT NOT NULL DEFAULT '',
  location     TEXT NOT NULL DEFAULT '',
  duration_sec INTEGER,
  connected    INTEGER NOT NULL DEFAULT 1,
  others_count INTEGER,
  automated    INTEGER NOT NULL DEFAULT 0,
  manual       INTEGER NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX interactions_day ON interactions(day);
CREATE INDEX interactions_batch ON interactions(batch_id);

-- One row per distinct identity seen in records (by its strongest identifier), carrying the link to
-- a person, so that re-linking touches thousands of contacts rather than millions of participants.
CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL DEFAULT '',
  email       TEXT NOT NULL DEFAULT '',
  profile_url TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  name_key    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('linked', 'review', 'none', 'own')),
  person_id   TEXT REFERENCES persons(id) ON DELETE SET NULL,
  method      TEXT,
  evidence_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX contacts_person ON contacts(person_id);

CREATE TABLE participants (
  interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id),
  role           TEXT NOT NULL,
  is_sender      INTEGER NOT NULL DEFAULT 0,
  declined       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (interaction_id, contact_id, role)
) WITHOUT ROWID;
CREATE INDEX participants_contact ON participants(contact_id);

-- Decisions the user made about links (SPEC §5.5): they win over every automatic rule.
CREATE TABLE link_decisions (
  contact_key TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('confirm', 'reject')),
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (contact_key, person_id)
);

CREATE TABLE tags (
  person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  tag       TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, tag)
);
CREATE INDEX tags_tag ON tags(tag);

CREATE TABLE invitations (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER REFERENCES import_batches(id),
  name        TEXT NOT NULL DEFAULT '',
  profile_url TEXT NOT NULL DEFAULT '',
  direction   TEXT NOT NULL,
  sent_at     TEXT,
  UNIQUE (profile_url, name, direction, sent_at)
);

CREATE TABLE my_identities (
  kind  TEXT NOT NULL CHECK (kind IN ('email', 'url', 'phone', 'name')),
  value TEXT NOT NULL,
  PRIMARY KEY (kind, value)
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);

CREATE TABLE audit_snapshots (
  id           INTEGER PRIMARY KEY,
  as_of        TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  rules_json   TEXT NOT NULL,
  summary_json TEXT NOT NULL
);

-- Bulk tag changes, kept so that each can be undone and redone as one step.
CREATE TABLE tag_operations (
  id              TEXT PRIMARY KEY,
  action          TEXT NOT NULL CHECK (action IN ('add', 'remove')),
  tag             TEXT NOT NULL,
  person_ids_json TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  undone_at       TEXT
);
