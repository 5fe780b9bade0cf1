-- The devices configured on this station by the technician: kind, driver, where to find
-- it (a port path, a USB VID:PID, an in-process simulator or a network address) and the
-- driver's settings. Local to the station: not replicated.
CREATE TABLE devices (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('fingerprint', 'mrz', 'barcode', 'document_scanner', 'printer')),
  driver     TEXT NOT NULL,
  label      TEXT NOT NULL,
  port       TEXT NOT NULL,
  settings   TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
