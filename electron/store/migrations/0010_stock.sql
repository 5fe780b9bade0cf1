-- Blank passport books as controlled stock, and the print jobs that use them (issue 11).
-- A book is named by its serial (the booklet's perforated number, printed as the passport
-- number): two stations of an office that receive the same delivery name the same rows.
-- Books are never deleted, and their history is append-only, like the audit trail.

CREATE TABLE book_deliveries (
  id           TEXT PRIMARY KEY,
  station_id   TEXT NOT NULL,
  -- Headquarters' delivery note (surat pengantar) number.
  reference    TEXT NOT NULL,
  series       TEXT NOT NULL,
  first_serial TEXT NOT NULL,
  last_serial  TEXT NOT NULL,
  count        INTEGER NOT NULL,
  officer_id   TEXT NOT NULL,
  received_at  TEXT NOT NULL
) STRICT;

CREATE TABLE books (
  serial         TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  series         TEXT NOT NULL,
  delivery_id    TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('in_stock', 'assigned', 'printed', 'issued', 'spoiled', 'returned')),
  spoil_reason   TEXT CHECK (spoil_reason IS NULL OR spoil_reason IN ('misprint', 'jam', 'damaged', 'qc_failed')),
  -- The application the book was taken for (assigned and after); NULL while blank in stock.
  appointment_id TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX books_state ON books (state, serial);
CREATE INDEX books_appointment ON books (appointment_id);
CREATE TRIGGER books_no_delete BEFORE DELETE ON books
BEGIN SELECT RAISE(ABORT, 'books are never deleted: spoil or return them'); END;

CREATE TABLE book_events (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  serial         TEXT NOT NULL,
  -- NULL when the book arrived with a delivery.
  from_state     TEXT,
  to_state       TEXT NOT NULL,
  reason         TEXT,
  appointment_id TEXT,
  officer_id     TEXT NOT NULL,
  at             TEXT NOT NULL
) STRICT;
CREATE INDEX book_events_at ON book_events (at);
CREATE INDEX book_events_serial ON book_events (serial, at);
CREATE TRIGGER book_events_no_update BEFORE UPDATE ON book_events
BEGIN SELECT RAISE(ABORT, 'book history is append-only'); END;
CREATE TRIGGER book_events_no_delete BEFORE DELETE ON book_events
BEGIN SELECT RAISE(ABORT, 'book history is append-only'); END;

-- One attempt to print an application's data page on one book.
CREATE TABLE print_jobs (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  appointment_id TEXT NOT NULL,
  serial         TEXT NOT NULL,
  -- printing → printed, or failed (the printer's verdict) → spoiled / released.
  state          TEXT NOT NULL CHECK (state IN ('printing', 'printed', 'failed', 'spoiled', 'released')),
  printer_id     TEXT,
  ipp_job_id     INTEGER,
  -- The two MRZ lines composed for the page, for the quality check.
  mrz            TEXT,
  -- SHA-256 of the PDF sent to the printer: what the printer received can be compared.
  pdf_sha256     TEXT,
  error_key      TEXT,
  -- The quality check through the MRZ reader: NULL not yet checked, 1 passed, 0 failed.
  -- The handover requires qc_passed = 1 on the application's latest job.
  qc_passed      INTEGER CHECK (qc_passed IS NULL OR qc_passed IN (0, 1)),
  checked_at     TEXT,
  officer_id     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX print_jobs_appointment ON print_jobs (appointment_id, created_at);
