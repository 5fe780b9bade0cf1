-- Name search across days (several days' cache): an FTS5 index over applicant names with
-- prefix indexes, so search-as-you-type stays fast however many rows the station keeps.
CREATE VIRTUAL TABLE appointments_fts USING fts5(
  full_name, content='appointments', content_rowid='seq', prefix='1 2 3', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO appointments_fts (rowid, full_name) SELECT seq, full_name FROM appointments;

CREATE TRIGGER appointments_fts_ai AFTER INSERT ON appointments BEGIN
  INSERT INTO appointments_fts (rowid, full_name) VALUES (new.seq, new.full_name);
END;
CREATE TRIGGER appointments_fts_ad AFTER DELETE ON appointments BEGIN
  INSERT INTO appointments_fts (appointments_fts, rowid, full_name) VALUES ('delete', old.seq, old.full_name);
END;
CREATE TRIGGER appointments_fts_au AFTER UPDATE OF full_name ON appointments BEGIN
  INSERT INTO appointments_fts (appointments_fts, rowid, full_name) VALUES ('delete', old.seq, old.full_name);
  INSERT INTO appointments_fts (rowid, full_name) VALUES (new.seq, new.full_name);
END;
