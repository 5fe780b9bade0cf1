-- Placeholder so this branch's migrations stay in sequence: the queue branch owns
-- migration 0008. Delete this file when that branch's own 0008_*.sql is merged.
SELECT 1;
