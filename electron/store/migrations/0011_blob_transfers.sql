-- Where each blob's sealed bytes stand between this station and its office (issue 12):
-- when the office acknowledged holding them (sent from here, or fetched from there), and
-- when the retention rule removed them from this station. Local to this PC: another station
-- learns that the office holds a blob by asking the office for it.
CREATE TABLE blob_transfers (
  blob_id        TEXT PRIMARY KEY,
  office_held_at TEXT,
  removed_at     TEXT
) STRICT, WITHOUT ROWID;
