// The rules in force at a station: the shipped file, replaced only by a valid, newer file an
// administrator loads; the change survives a restart and is audited.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import type { ServiceRules } from '../../../domain/service-rules';

const shipped = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../resources/rules/immigration-rules.json'), 'utf8')) as ServiceRules;
let t: TestStation;
let admin: TestSession;
beforeEach(async () => {
  t = await openTestStation();
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
});
afterEach(async () => { await t.close(); });

describe('service rules', () => {
  it('serves the shipped rules to any officer and lets only an administrator load a newer file', async () => {
    await admin.ok('officers.create', { ...OFFICER, roles: ['counter'] });
    const counter = t.session();
    await counter.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect((await counter.ok<ServiceRules>('rules.current')).fees.passport.electronic[10]).toBe(950_000);

    const newer = { ...structuredClone(shipped), version: '2027-01-01', effectiveFrom: '2027-01-01' };
    newer.fees.sameDayService = 1_200_000;
    expect(await counter.call('rules.load', { content: JSON.stringify(newer) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await admin.ok<ServiceRules>('rules.load', { content: JSON.stringify(newer) })).fees.sameDayService).toBe(1_200_000);
    expect((await counter.ok<ServiceRules>('rules.current')).version).toBe('2027-01-01');
    const log = await admin.ok<{ action: string; detail: Record<string, unknown> }[]>('audit.list', { limit: 10 });
    expect(log.find((e) => e.action === 'rules.load')?.detail).toMatchObject({ from: shipped.version, to: '2027-01-01' });

    // An older file never replaces a newer one; a broken one names where it is broken.
    expect(await admin.call('rules.load', { content: JSON.stringify(shipped) })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'rules_older' } } });
    const broken = { ...structuredClone(newer), version: '2027-02-01', effectiveFrom: '2027-02-01' } as Record<string, unknown>;
    (broken.fines as Record<string, unknown>).replace_lost = -5;
    expect(await admin.call('rules.load', { content: JSON.stringify(broken) })).toMatchObject({
      ok: false, error: { code: 'bad_input', field: 'content', params: { reason: 'rules_invalid', path: 'fines.replace_lost' } },
    });
    expect(await admin.call('rules.load', { content: '{not json' })).toMatchObject({ ok: false, error: { params: { reason: 'rules_not_json' } } });
    expect((await admin.ok<ServiceRules>('rules.current')).version).toBe('2027-01-01');
  });

  it('keeps a loaded file across a restart', async () => {
    const newer = { ...structuredClone(shipped), version: '2027-01-01', effectiveFrom: '2027-01-01' };
    await admin.ok('rules.load', { content: JSON.stringify(newer) });
    const dataDir = t.dataDir;
    await t.station.close();
    t = await openTestStation({ dataDir });
    const again = t.session();
    await again.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    expect((await again.ok<ServiceRules>('rules.current')).version).toBe('2027-01-01');
  });
});
