-- The office's own changes: when it refuses a station's change it sends every station the
-- value it holds, stamped after the refused one, so the station that made the change comes
-- back to the office's state (its own stamp would otherwise keep its value locally).
CREATE SEQUENCE office_change_seq;
