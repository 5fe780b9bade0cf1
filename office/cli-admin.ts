// The office CLI's administrator commands (office/cli.ts hands them over):
//   parked [list]                       the changes set aside, with their reasons
//   parked show ID                      one of them: table, row, columns and kinds — never values
//   parked retry ID                     try it again after a fix (a newer version, a corrected rule)
//   parked discard ID --reason "…"      set it aside for good, with a reason
//   admin-token --name NAME             a token for the HTTP admin endpoints (shown once)
//   leases                              which print station holds which blank books
//   compact [--retention-days N]        compacts deletions older than N days (at least 60)
// Every change is audited in the office database (office_audit) under "cli:<OS user>".
import os from 'node:os';
import type { Pool } from './db';
import { createAdminToken } from './admins';
import { discardParked, inspectParked, listParked, retryParked } from './parked';
import { listLeases } from './leases';
import { OfficeError } from './errors';
import { compactTombstones, TOMBSTONE_RETENTION_DAYS } from './compaction';

export async function runAdminCommand(pool: Pool, args: string[], opts: { reason?: string; name?: string; retentionDays?: string }): Promise<number> {
  const actor = `cli:${os.userInfo().username}`;
  const [command, sub = 'list', id] = args;
  try {
    if (command === 'admin-token') {
      if (!opts.name) { console.error('office: say whose token it is: admin-token --name NAME'); return 1; }
      console.log(`Admin token for ${opts.name} (shown once; send it as "Authorization: Bearer …"): ${await createAdminToken(pool, opts.name)}`);
      return 0;
    }
    if (command === 'leases') {
      const leases = await listLeases(pool);
      if (leases.length === 0) console.log('No blank books are leased.');
      for (const l of leases) console.log(`${l.stationId}  ${l.series} ${l.firstSerial}–${l.lastSerial}  ${l.held} books  until ${l.expiresAt}${l.overdue ? '  OVERDUE' : ''}  (${l.id})`);
      return 0;
    }
    if (command === 'compact') {
      const days = Number(opts.retentionDays ?? TOMBSTONE_RETENTION_DAYS);
      const out = await compactTombstones(pool, actor, new Date(), days);
      console.log(`Compacted ${out.tombstones} deletions older than ${days} days (${out.changes} changes). Stations away longer are told to resync fully.`);
      return 0;
    }
    if (sub === 'list') {
      const rows = await listParked(pool);
      if (rows.length === 0) console.log('No changes are set aside.');
      for (const r of rows) console.log(`${r.parkedAt}  ${r.changeId}  from ${r.stationId}  ${r.code}: ${r.reason}`);
      return 0;
    }
    if (!id) { console.error(`office: say which change: parked ${sub} CHANGE_ID (see parked list).`); return 1; }
    if (sub === 'show') {
      console.log(JSON.stringify(await inspectParked(pool, id), null, 2));
      return 0;
    }
    if (sub === 'retry') {
      const out = await retryParked(pool, id, actor);
      console.log(out.status === 'parked' ? `Still set aside — ${out.code}: ${out.reason}` : `Applied (${out.status}); the change is resolved.`);
      return out.status === 'parked' ? 2 : 0;
    }
    if (sub === 'discard') {
      await discardParked(pool, id, actor, opts.reason ?? '');
      console.log(`Discarded ${id}; the reason is kept in the office audit.`);
      return 0;
    }
    console.error(`office: unknown parked command "${sub}": use list, show, retry or discard.`);
    return 1;
  } catch (err) {
    if (err instanceof OfficeError) { console.error(`office: ${err.message}`); return 1; }
    throw err;
  }
}
