-- Invitations at the gate (SPEC §9 `invites`): which network each came from and its message, and the
-- user's tags on a sender (accept, decline, …), filed under the sender's key so they survive re-imports.
ALTER TABLE invitations ADD COLUMN network TEXT NOT NULL DEFAULT 'linkedin';
ALTER TABLE invitations ADD COLUMN message TEXT NOT NULL DEFAULT '';

CREATE TABLE invitation_tags (
  sender_key TEXT NOT NULL,
  tag        TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (sender_key, tag)
) WITHOUT ROWID;
