-- Issue 12: blank-book leases, the administrator's resolution of parked changes (audited),
-- and tombstone compaction.

-- A lease: a run of blank books the office hands one print station; only that station may
-- assign them. Each serial is leased once at a time (book_leases_serials' primary key), so
-- two print stations can never hold — and so never print on — the same book.
CREATE TABLE stock_leases (
  id           text PRIMARY KEY,
  station_id   text NOT NULL,
  series       text NOT NULL,
  first_serial text NOT NULL,
  last_serial  text NOT NULL,
  granted_at   timestamptz NOT NULL,
  -- The station says it is still printing from the lease by extending it; an overdue lease
  -- is shown to the administrator but never taken back silently (the station may be offline
  -- and still printing from it).
  expires_at   timestamptz NOT NULL,
  returned_at  timestamptz
);
CREATE INDEX stock_leases_station ON stock_leases (station_id) WHERE returned_at IS NULL;

CREATE TABLE stock_lease_serials (
  serial   text PRIMARY KEY,
  lease_id text NOT NULL REFERENCES stock_leases (id)
);
CREATE INDEX stock_lease_serials_lease ON stock_lease_serials (lease_id);

-- What administrators did at the office (parked changes retried or discarded, leases
-- returned, compactions): append-only, like a station's audit trail.
CREATE TABLE office_audit (
  seq    bigserial PRIMARY KEY,
  at     timestamptz NOT NULL DEFAULT now(),
  actor  text NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE FUNCTION office_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the office audit trail is append-only'; END $$;
CREATE TRIGGER office_audit_no_change BEFORE UPDATE OR DELETE ON office_audit
  FOR EACH ROW EXECUTE FUNCTION office_audit_append_only();

-- Administrators of the office service's HTTP admin endpoints: only a hash of each token.
CREATE TABLE office_admins (
  name         text PRIMARY KEY,
  token_sha256 bytea NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

-- Tombstones (and the changes of their rows) compacted away after the retention: a station
-- whose watermark is before this point may have missed a deletion and must resync fully.
-- Stored in office_meta under 'compacted_xid' / 'compacted_seq'.
CREATE INDEX changes_deletes ON changes (received_at) WHERE op = 'delete';
CREATE INDEX changes_row ON changes (tbl, row_id);
-- Which rows' tombstones were compacted: no values, only the row and its deletion stamp, so
-- a station resyncing fully still learns that these rows are gone.
CREATE TABLE compacted_tombstones (
  id          bigserial PRIMARY KEY,
  tbl         text NOT NULL,
  row_id      text NOT NULL,
  deleted_hlc text NOT NULL,
  UNIQUE (tbl, row_id)
);
