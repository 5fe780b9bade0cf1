// The office's own audit trail (office_audit, append-only by trigger): what an administrator
// did at the office. Details name changes, stations and leases — never a change's values.
import type { Client, Pool } from './db';

export async function officeAudit(c: Client | Pool, actor: string, action: string, detail: Record<string, unknown>): Promise<void> {
  await c.query('INSERT INTO office_audit (actor, action, detail) VALUES ($1, $2, $3)', [actor, action, JSON.stringify(detail)]);
}
