-- Search across every stored day, and calling applicants to a counter.
--
-- A trigram index over booking code, NIK and name: any part from three characters on is
-- found through the index (the last four digits of a booking code, a piece of a NIK, a
-- name's middle), whatever the number of stored days. External content (the rows stay in
-- `appointments`, keyed by its stable integer `seq`), kept in step by the triggers below,
-- so imports, walk-ins, corrections and changes from other stations all reach it.
-- remove_diacritics: "Jose" finds "José"; trigram folds case by itself. No column sizes:
-- nothing ranks by them, and each write saves a row.
CREATE VIRTUAL TABLE appointments_search USING fts5(
  booking_code, nik, full_name,
  content = 'appointments', content_rowid = 'seq',
  tokenize = 'trigram remove_diacritics 1', columnsize = 0
);

CREATE TRIGGER appointments_search_insert AFTER INSERT ON appointments BEGIN
  INSERT INTO appointments_search (rowid, booking_code, nik, full_name) VALUES (new.seq, new.booking_code, new.nik, new.full_name);
END;
CREATE TRIGGER appointments_search_delete AFTER DELETE ON appointments BEGIN
  INSERT INTO appointments_search (appointments_search, rowid, booking_code, nik, full_name) VALUES ('delete', old.seq, old.booking_code, old.nik, old.full_name);
END;
-- Only when a searched column changes: a status step leaves the index alone.
CREATE TRIGGER appointments_search_update AFTER UPDATE OF booking_code, nik, full_name ON appointments BEGIN
  INSERT INTO appointments_search (appointments_search, rowid, booking_code, nik, full_name) VALUES ('delete', old.seq, old.booking_code, old.nik, old.full_name);
  INSERT INTO appointments_search (rowid, booking_code, nik, full_name) VALUES (new.seq, new.booking_code, new.nik, new.full_name);
END;

-- The rows stored before this migration.
INSERT INTO appointments_search (appointments_search) VALUES ('rebuild');

-- The applicant's number in the day's queue, given at check-in (1, 2, 3… per day) and
-- shown on the waiting-room display when called; NULL until checked in.
ALTER TABLE appointments ADD COLUMN queue_number INTEGER;
CREATE INDEX appointments_queue_number ON appointments (appointment_date, queue_number);

-- Who called whom to which counter, when: the waiting-room display's list, and the record
-- of the call (also in the audit trail).
CREATE TABLE queue_calls (
  id             TEXT PRIMARY KEY,
  station_id     TEXT NOT NULL,
  appointment_id TEXT NOT NULL REFERENCES appointments(id),
  officer_id     TEXT REFERENCES officers(id),
  counter        TEXT NOT NULL,
  queue_number   INTEGER NOT NULL,
  called_at      TEXT NOT NULL
) STRICT;
CREATE INDEX queue_calls_by_time ON queue_calls (called_at);
CREATE INDEX queue_calls_by_appointment ON queue_calls (appointment_id, called_at);
