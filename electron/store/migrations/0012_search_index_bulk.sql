-- The trigram search index filled once per import instead of once per row.
--
-- An insert into the FTS5 table from a row trigger costs some fifty microseconds a row —
-- most of a 5,000-row import's time. While meta holds `search_bulk_after` (set and cleared
-- inside the import's own transaction, so no crash can leave it set), rows inserted after
-- that seq are not indexed by the triggers; the import then indexes them with one
-- INSERT … SELECT of their final values (AppointmentsRepo.bulk). A correction or deletion
-- of such a row in the same transaction leaves the index alone (it does not hold the row
-- yet, and an FTS5 'delete' of a row it does not hold would damage it).
DROP TRIGGER appointments_search_insert;
DROP TRIGGER appointments_search_delete;
DROP TRIGGER appointments_search_update;

CREATE TRIGGER appointments_search_insert AFTER INSERT ON appointments
WHEN (SELECT value FROM meta WHERE key = 'search_bulk_after') IS NULL BEGIN
  INSERT INTO appointments_search (rowid, booking_code, nik, full_name) VALUES (new.seq, new.booking_code, new.nik, new.full_name);
END;
CREATE TRIGGER appointments_search_delete AFTER DELETE ON appointments
WHEN old.seq <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_bulk_after'), old.seq) BEGIN
  INSERT INTO appointments_search (appointments_search, rowid, booking_code, nik, full_name) VALUES ('delete', old.seq, old.booking_code, old.nik, old.full_name);
END;
-- Only when a searched column changes: a status step leaves the index alone.
CREATE TRIGGER appointments_search_update AFTER UPDATE OF booking_code, nik, full_name ON appointments
WHEN old.seq <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_bulk_after'), old.seq) BEGIN
  INSERT INTO appointments_search (appointments_search, rowid, booking_code, nik, full_name) VALUES ('delete', old.seq, old.booking_code, old.nik, old.full_name);
  INSERT INTO appointments_search (rowid, booking_code, nik, full_name) VALUES (new.seq, new.booking_code, new.nik, new.full_name);
END;
