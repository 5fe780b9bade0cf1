-- The head of office (kepala kantor) is a role: read-only over the numbers, the stock and
-- the audit. SQLite cannot alter a CHECK constraint, so the role table is rebuilt with the
-- wider list; nothing references it, so the copy is all it takes.
CREATE TABLE officer_roles_new (
  officer_id TEXT NOT NULL REFERENCES officers(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('counter', 'supervisor', 'print', 'technician', 'admin', 'head')),
  PRIMARY KEY (officer_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO officer_roles_new (officer_id, role) SELECT officer_id, role FROM officer_roles;
DROP TABLE officer_roles;
ALTER TABLE officer_roles_new RENAME TO officer_roles;
