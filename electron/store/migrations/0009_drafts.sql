-- Text an officer is typing and has not confirmed yet (a typed MRZ, notes, a BAP narrative),
-- saved about once a second while it is typed, so a crash or a reload loses at most the last
-- second. One row per appointment and field; it goes once the text is confirmed (the step
-- saves it into the enrolment) or the enrolment is submitted. Kept on this station only
-- (replication.ts, LOCAL_ONLY): what is confirmed replicates with the enrolment.
CREATE TABLE drafts (
  appointment_id TEXT NOT NULL REFERENCES appointments(id),
  field          TEXT NOT NULL,
  text           TEXT NOT NULL,
  officer_id     TEXT,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (appointment_id, field)
) STRICT, WITHOUT ROWID;
