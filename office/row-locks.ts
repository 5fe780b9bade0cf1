// Two pushes that touch the same row must merge one after the other. `SELECT … FOR UPDATE`
// cannot see to that for a row the office does not hold yet: two stations that create the
// same enrolment (keyed by its application) at once would each find no row, each write its
// own, and the later commit would overwrite the earlier one whole instead of merging field
// by field — the office left on values the stations never converge to. So a push first
// takes a transaction lock on every row key it touches (and on the application each change
// is judged against), all in one statement and in one global order, so two pushes never
// wait on each other in a circle.
import type { Change } from '../domain/change-format';
import type { Client } from './db';
import { relatedKey } from './rules';

export async function lockRowKeys(c: Client, changes: readonly Change[]): Promise<void> {
  const keys = new Set<string>();
  for (const ch of changes) {
    keys.add(`${ch.table}\u001f${ch.rowId}`);
    const rel = relatedKey(ch);
    if (rel) keys.add(`${rel.table}\u001f${rel.rowId}`);
  }
  if (keys.size === 0) return;
  // The locks are taken as the sorted rows stream into the aggregate: one order for everyone.
  await c.query(
    `SELECT count(pg_advisory_xact_lock(h)) FROM (
       SELECT DISTINCT hashtextextended(k, 7202) AS h FROM unnest($1::text[]) AS k ORDER BY h
     ) AS ordered`,
    [[...keys]],
  );
}
