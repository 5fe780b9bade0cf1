-- The office data key and the sealed bytes of biometric and document blobs.

-- The office data key (32 bytes), sealed with AES-256-GCM under a key-encryption key that
-- lives in the office service's data directory (office-data-kek, 0600): a dump of this
-- database alone does not give the key, nor does the data directory alone.
CREATE TABLE office_keys (
  name       text PRIMARY KEY,
  sealed     bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A blob's bytes as its station uploaded them: sealed under the office data key (the blob's
-- id bound as associated data), never plaintext. bytea rather than large objects: a blob is
-- at most a few MB, bytea rows are removed by a plain DELETE (large objects need lo_unlink
-- or vacuumlo), dumped with their tables and carried by logical replication (large objects
-- are not), and each chunk is written in the same transaction as its bookkeeping.
CREATE TABLE office_blobs (
  id           text PRIMARY KEY,
  station_id   text NOT NULL,
  total        integer NOT NULL CHECK (total > 0),
  sha256       bytea NOT NULL,
  received     integer NOT NULL DEFAULT 0,
  started_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

-- The chunks of an upload, by byte offset: a weak link resumes at `received`, and a chunk
-- sent twice is stored once.
CREATE TABLE office_blob_chunks (
  blob_id   text NOT NULL REFERENCES office_blobs (id) ON DELETE CASCADE,
  "offset"  integer NOT NULL,
  bytes     bytea NOT NULL,
  PRIMARY KEY (blob_id, "offset")
);
