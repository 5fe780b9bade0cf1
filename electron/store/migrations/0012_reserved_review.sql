-- Placeholder so this branch's migrations stay in sequence: the review branch owns
-- migration 0012. Delete this file when that branch's own 0012_*.sql is merged.
SELECT 1;
