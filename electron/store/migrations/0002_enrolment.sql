-- The enrolment of an applicant: what the officer confirmed (the old passport's MRZ and how
-- it compares with the booking, the fingerprint outcome per finger). Images live in blobs
-- (sealed); this row holds only their outcome, never a biometric.
CREATE TABLE enrolments (
  appointment_id TEXT PRIMARY KEY REFERENCES appointments(id),
  id             TEXT NOT NULL UNIQUE,
  station_id     TEXT NOT NULL,
  data           TEXT NOT NULL DEFAULT '{}',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
