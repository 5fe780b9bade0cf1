-- Placeholder so this branch's migrations stay in sequence: the enrol_flow branch owns
-- migration 0011. Delete this file when that branch's own 0011_*.sql is merged.
SELECT 1;
