-- The day's store. Every record carries a globally unique id and the id of the station
-- that wrote it, and every change is appended to the outbox, so a later replication
-- between the stations of an office and a server needs no reshaping of these tables.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE officers (
  id            TEXT PRIMARY KEY,
  station_id    TEXT NOT NULL,
  nip           TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  language      TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE officer_roles (
  officer_id TEXT NOT NULL REFERENCES officers(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('counter', 'supervisor', 'print', 'technician', 'admin')),
  PRIMARY KEY (officer_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE appointments (
  -- An explicit integer key keeps rowids stable (VACUUM), which the FTS index relies on.
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  station_id       TEXT NOT NULL,
  booking_code     TEXT NOT NULL UNIQUE,
  nik              TEXT NOT NULL,
  full_name        TEXT NOT NULL,
  birth_place      TEXT NOT NULL,
  birth_date       TEXT NOT NULL,
  sex              TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  service          TEXT NOT NULL,
  passport_type    TEXT NOT NULL CHECK (passport_type IN ('ordinary', 'electronic')),
  appointment_date TEXT NOT NULL,
  time_slot        TEXT NOT NULL,
  payment_status   TEXT NOT NULL CHECK (payment_status IN ('paid', 'unpaid')),
  billing_code     TEXT NOT NULL,
  phone            TEXT NOT NULL,
  status           TEXT NOT NULL,
  -- Comma-separated priority flags (elderly, child, disabled); empty when none.
  priority         TEXT NOT NULL DEFAULT '',
  walk_in          INTEGER NOT NULL DEFAULT 0,
  -- Digest of the imported row: importing the same row again changes nothing.
  source_hash      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX appointments_day ON appointments (appointment_date, time_slot);
CREATE INDEX appointments_nik ON appointments (nik);
CREATE INDEX appointments_name ON appointments (full_name COLLATE NOCASE);

CREATE TABLE appointment_events (
  id             TEXT PRIMARY KEY,
  appointment_id TEXT NOT NULL REFERENCES appointments(id),
  station_id     TEXT NOT NULL,
  officer_id     TEXT REFERENCES officers(id),
  from_status    TEXT,
  to_status      TEXT NOT NULL,
  reason         TEXT,
  at             TEXT NOT NULL
) STRICT;
CREATE INDEX appointment_events_by_appointment ON appointment_events (appointment_id, at);

CREATE TABLE import_files (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  digest      TEXT NOT NULL,
  officer_id  TEXT REFERENCES officers(id),
  inserted    INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  unchanged   INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

-- Encrypted blobs (fingerprints, photos, document scans): AES-256-GCM, see store/crypto.ts.
CREATE TABLE blobs (
  id         TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  owner_type TEXT NOT NULL,
  owner_id   TEXT NOT NULL,
  kind       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  sealed     BLOB NOT NULL,
  meta       TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX blobs_by_owner ON blobs (owner_type, owner_id);

-- Every change, in order, for replication: which record changed and how. The record itself
-- carries its data (the replicator sends its state at the time of sending); `changed` names
-- what an update changed where that is cheap to say. An event's global id is
-- station_id:seq, so no second unique index is needed on this hot table.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  changed    TEXT,
  at         TEXT NOT NULL,
  sent_at    TEXT
) STRICT;

-- Officer actions, append-only, each row chained to the previous by a SHA-256 hash.
CREATE TABLE audit (
  seq        INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  station_id TEXT NOT NULL,
  at         TEXT NOT NULL,
  officer_id TEXT,
  action     TEXT NOT NULL,
  detail     TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
