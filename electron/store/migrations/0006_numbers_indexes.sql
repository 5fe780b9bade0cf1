-- The day in numbers reads the history of applications by time and by the status a step
-- entered or left (submissions, returns, the approval backlog), and, per application, when
-- it entered a status (checked in, enrolment opened). Without these, each figure would scan
-- every step ever recorded: at 100,000 applications, half a million rows. The per-
-- application index names the status too, so the planner never prefers the status index
-- (which would scan every application's steps) for a lookup of one application's.
CREATE INDEX appointment_events_to_status ON appointment_events (to_status, at);
CREATE INDEX appointment_events_from_status ON appointment_events (from_status, at);
CREATE INDEX appointment_events_step ON appointment_events (appointment_id, to_status, at);
