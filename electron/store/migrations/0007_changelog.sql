-- The outbox becomes a change log that can be replicated (issue 12): each change carries
-- the values of the columns it changed, a hybrid logical clock stamp and a format version;
-- deletions are tombstones. The old outbox named only which record changed, never its
-- values, and no station has ever sent it (there was no office to send to), so it is not
-- converted row by row: it is dropped, and the store takes a baseline on first open — one
-- full-row change per existing row of every replicated table (electron/store/changelog.ts,
-- `baseline`), which carries everything the old rows pointed at.
DROP TABLE outbox;

-- This station's own changes, in the order they were made. A change's id is
-- "<station id>:<seq>"; AUTOINCREMENT never hands out a seq twice, even after pruning, so
-- an id the office has seen is never reused.
CREATE TABLE changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id TEXT NOT NULL,
  tbl        TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  vals       TEXT NOT NULL DEFAULT '{}',
  hlc        TEXT NOT NULL,
  format     INTEGER NOT NULL,
  at         TEXT NOT NULL,
  acked_at   TEXT
) STRICT;
-- No index on acked_at: acknowledged upserts are pruned, so the table is mostly unsent rows
-- and a scan in seq order finds them; one B-tree less per write.

-- Per row of a replicated table: the stamp of the last write each column took (JSON of
-- column -> HLC), local and remote alike, so a remote change wins a column only if it is
-- newer. A deleted row keeps its entry with the tombstone's stamp and time: a delete is
-- final for that row id (ids are UUIDs and never reused) and is kept at least 60 days.
CREATE TABLE row_clocks (
  tbl         TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  clocks      TEXT NOT NULL DEFAULT '{}',
  deleted_hlc TEXT,
  deleted_at  TEXT,
  PRIMARY KEY (tbl, row_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX row_clocks_tombstones ON row_clocks (deleted_at) WHERE deleted_at IS NOT NULL;

-- Remote changes already applied, by id: the same change received twice is applied once.
CREATE TABLE applied_changes (
  change_id  TEXT PRIMARY KEY,
  hlc        TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Remote changes that cannot be applied yet (an update of a row whose creation has not
-- arrived, a row whose parent has not arrived): kept whole and tried again after each batch.
CREATE TABLE waiting_changes (
  change_id   TEXT PRIMARY KEY,
  hlc         TEXT NOT NULL,
  body        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- A blob's row replicates before its sealed bytes do (they travel separately, by the blob's
-- id): `sealed` may now be NULL, meaning "the bytes are not on this station yet".
CREATE TABLE blobs_new (
  id         TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  owner_type TEXT NOT NULL,
  owner_id   TEXT NOT NULL,
  kind       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  sealed     BLOB,
  meta       TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO blobs_new (id, station_id, owner_type, owner_id, kind, mime, sealed, meta, created_at)
  SELECT id, station_id, owner_type, owner_id, kind, mime, sealed, meta, created_at FROM blobs;
DROP TABLE blobs;
ALTER TABLE blobs_new RENAME TO blobs;
CREATE INDEX blobs_by_owner ON blobs (owner_type, owner_id);
