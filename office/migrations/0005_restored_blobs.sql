-- Image bytes restored from a mobile unit's encrypted backup (office/restore.ts), kept
-- until the unit's blob transfer (or an administrator) takes them over: a backup restored
-- at the office loses nothing even when the unit itself is gone.
CREATE TABLE restored_blobs (
  id          text PRIMARY KEY,
  station_id  text NOT NULL,
  owner_type  text NOT NULL,
  owner_id    text NOT NULL,
  kind        text NOT NULL,
  mime        text NOT NULL,
  bytes       bytea NOT NULL,
  sha256      text NOT NULL,
  restored_at timestamptz NOT NULL DEFAULT now()
);
