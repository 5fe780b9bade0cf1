-- Each step in an application's history names the workflow action that took it (check in,
-- submit, approve, return…), not only the statuses it moved between. Older rows predate
-- named actions and keep NULL.
ALTER TABLE appointment_events ADD COLUMN action TEXT;
