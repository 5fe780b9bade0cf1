-- Placeholder so this branch's migrations stay in sequence: the enrol_identity branch owns
-- migration 0009. Delete this file when that branch's own 0009_*.sql is merged.
SELECT 1;
