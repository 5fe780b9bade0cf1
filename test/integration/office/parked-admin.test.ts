// Parked changes administered on a real PostgreSQL: one change the office cannot apply
// among a thousand is parked with its reason while the rest are applied; the administrator
// lists and inspects it (no values), retries it after the fix (HTTP admin endpoint), and
// discards another with a reason (the office CLI) — each step audited in the office DB.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CHANGE_FORMAT_VERSION } from '../../../domain/change-format';
import { officeRequest } from '../../../electron/services/office-link';
import { createAdminToken } from '../../../office/admins';
import { officeRule } from '../../../office/rules';
import type { OfficeValidator } from '../../../office/push';
import { officeTestBed } from '../../helpers/office-stations';
import { appointmentFields } from '../../helpers/stores';

const bed = officeTestBed();
const AT = '2026-12-07T08:00:00.000Z';

describe('parked changes: listed, inspected, retried, discarded', () => {
  it('one poison change among a thousand is parked, the rest applied; then resolved and audited', async () => {
    // The office "bug": applying this one row throws. The fix turns it off.
    let poisonRow = '';
    let fixed = false;
    const validate: OfficeValidator = (ch, input) => {
      if (!fixed && ch.rowId === poisonRow) throw new Error('rule engine failed on this row');
      return officeRule(ch, input);
    };
    const o = await bed.office({ validate });
    const a = await bed.station(o, 'Loket A');
    const b = await bed.station(o, 'Loket B');
    const ids = a.store.tx(() => Array.from({ length: 1000 }, (_, i) => a.store.appointments.insert(appointmentFields(i + 1),
      { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT })));
    poisonRow = ids[617]!;
    const total = a.store.changes.count();
    const pushed = await a.link.sync();
    expect(pushed.pushed).toMatchObject({ sent: total, stored: total - 1, refused: 1 });
    expect(a.store.changes.count()).toBe(0);
    const refusal = a.store.officeLink.refusals();
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.code).toBe('change_not_stored');

    // A change of a format from the future, pushed alongside: parked with its sentence.
    const cfg = a.store.officeLink.link()!;
    const future = { format: 2, changeId: `${a.store.stationId}:900001`, stationId: a.store.stationId, table: 'settings', rowId: 'x', op: 'upsert', values: { value: 'y' }, hlc: '0000019af0000-000000-x' };
    await officeRequest(cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes: [future] }, cfg.credential);

    await b.link.sync();
    expect((b.db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n).toBe(999);

    // The administrator's endpoints want an admin token: a station's credential is refused.
    await expect(officeRequest(o.server.url, o.identity.sha256, 'GET', '/v1/admin/parked', undefined, cfg.credential)).rejects.toMatchObject({ code: 'admin_required' });
    await expect(officeRequest(o.server.url, o.identity.sha256, 'GET', '/v1/admin/parked')).rejects.toMatchObject({ code: 'admin_required' });
    const token = await createAdminToken(o.pool, 'siti');
    const admin = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => officeRequest<T>(o.server.url, o.identity.sha256, method, path, body, token);

    const { parked } = await admin<{ parked: { changeId: string; code: string; reason: string }[] }>('GET', '/v1/admin/parked');
    expect(parked.map((p) => p.code).sort()).toEqual(['change_format_unknown', 'change_not_stored']);
    const poison = parked.find((p) => p.code === 'change_not_stored')!;
    expect(poison.reason).toMatch(/rule engine failed/);

    // Inspect: which table, row and columns, and what kind of value — never the value.
    const shown = await admin<{ table: string; rowId: string; columns: Record<string, string> }>('GET', `/v1/admin/parked/${encodeURIComponent(poison.changeId)}`);
    expect(shown).toMatchObject({ table: 'appointments', rowId: poisonRow });
    expect(shown.columns.full_name).toBe(`text ${'PEMOHON 618'.length}`);
    expect(JSON.stringify(shown)).not.toMatch(/PEMOHON|3171/);

    // Retried before the fix: still parked. After it: applied, and the other station gets it.
    expect(await admin('POST', `/v1/admin/parked/${encodeURIComponent(poison.changeId)}/retry`)).toMatchObject({ status: 'parked', code: 'change_not_stored' });
    fixed = true;
    expect(await admin('POST', `/v1/admin/parked/${encodeURIComponent(poison.changeId)}/retry`)).toMatchObject({ status: 'applied' });
    await b.link.sync();
    expect((b.db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n).toBe(1000);
    expect(b.db.prepare('SELECT full_name FROM appointments WHERE id = ?').get(poisonRow)).toEqual({ full_name: 'PEMOHON 618' });

    // The future-format change cannot be fixed here: the CLI discards it, with a reason.
    await expect(admin('POST', `/v1/admin/parked/${encodeURIComponent(future.changeId)}/discard`, { reason: '' })).rejects.toMatchObject({ code: 'reason_required' });
    const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'office/cli.ts', ...args, '--pg', o.pgUrl], { encoding: 'utf8', timeout: 60_000 });
    const discarded = cli('parked', 'discard', future.changeId, '--reason', 'station of a newer version; re-sent after its update');
    expect(discarded.stderr).toBe('');
    expect(discarded.status).toBe(0);
    const listed = cli('parked', 'list');
    expect(listed.stdout.trim()).toBe('No changes are set aside.');

    const { rows } = await o.pool.query<{ actor: string; action: string; detail: Record<string, string> }>('SELECT actor, action, detail FROM office_audit ORDER BY seq');
    expect(rows.map((r) => [r.actor.split(':')[0], r.action, r.detail.outcome ?? r.detail.reason ?? null])).toEqual([
      ['cli', 'admin.token', null],
      ['admin', 'parked.retry', 'parked'],
      ['admin', 'parked.retry', 'applied'],
      ['cli', 'parked.discard', 'station of a newer version; re-sent after its update'],
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/PEMOHON/);
    await expect(o.pool.query('DELETE FROM office_audit')).rejects.toThrow(/append-only/);
  }, 120_000);
});
