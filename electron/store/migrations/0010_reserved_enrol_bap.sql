-- Placeholder so this branch's migrations stay in sequence: the enrol_bap branch owns
-- migration 0010. Delete this file when that branch's own 0010_*.sql is merged.
SELECT 1;
