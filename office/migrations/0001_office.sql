-- The office's database: what every paired station has pushed, in the order the office
-- committed it, and the merged state of each replicated row.

CREATE TABLE office_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- Stations paired with this office. The credential itself is never stored: only its
-- SHA-256 (it is 32 random bytes, so a plain hash is enough — nothing to guess).
CREATE TABLE stations (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  credential_sha256 bytea NOT NULL UNIQUE,
  format            integer NOT NULL,
  paired_at         timestamptz NOT NULL DEFAULT now(),
  last_seen         timestamptz,
  revoked_at        timestamptz
);

-- One-time pairing codes shown by the office service, used once. The code is kept as
-- typed (not hashed): the office needs it to check the station's proof (see
-- domain/office-pairing.ts); it lives 15 minutes and is deleted once used or expired.
CREATE TABLE pairing_codes (
  code        text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_by     text
);

-- Every change a station pushed, once (change_id is unique: a resend is a no-op).
-- `xid` is the pushing transaction's id: a change is handed out by pull only once every
-- transaction that started before it has ended, so a late commit is never skipped
-- (office/pull.ts).
CREATE TABLE changes (
  seq         bigserial PRIMARY KEY,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
  change_id   text NOT NULL UNIQUE,
  station_id  text NOT NULL,
  tbl         text NOT NULL,
  row_id      text NOT NULL,
  op          text NOT NULL CHECK (op IN ('upsert', 'delete')),
  vals        jsonb NOT NULL,
  hlc         text NOT NULL,
  format      integer NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_in_commit_order ON changes (xid, seq);

-- The merged state of each row: per column the value of the newest stamp (last writer
-- wins by hybrid logical clock); a tombstone is final for its row id.
CREATE TABLE merged_rows (
  tbl         text NOT NULL,
  row_id      text NOT NULL,
  vals        jsonb NOT NULL DEFAULT '{}',
  clocks      jsonb NOT NULL DEFAULT '{}',
  deleted_hlc text,
  PRIMARY KEY (tbl, row_id)
);

-- Changes the office could not apply, with the reason; the others went on. An
-- administrator resolves them (office CLI `parked`).
CREATE TABLE parked_changes (
  change_id   text PRIMARY KEY,
  station_id  text NOT NULL,
  -- text, not jsonb: a change is parked precisely because it may hold what jsonb refuses.
  body        text NOT NULL,
  code        text NOT NULL,
  reason      text NOT NULL,
  parked_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution  text
);
