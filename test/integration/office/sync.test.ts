// Stations and one office service on a real PostgreSQL 15 (started by the test): pairing,
// push with explicit acknowledgements, pull that never skips a late commit, a poison change
// among many, and a changed certificate refused before anything is sent.
import { describe, expect, it, onTestFinished } from 'vitest';
import { CHANGE_FORMAT_VERSION, type Change } from '../../../domain/change-format';
import { officeRequest, pairWithOffice } from '../../../electron/services/office-link';
import { createPairingCode } from '../../../office/stations';
import { storePush } from '../../../office/push';
import { pullChanges, START } from '../../../office/pull';
import { officeTestBed } from '../../helpers/office-stations';
import { appointmentFields, openStore, type TestStore } from '../../helpers/stores';

const AT = '2026-12-07T08:00:00.000Z';
const bed = officeTestBed();

function addAppointments(s: TestStore, from: number, n: number): string[] {
  return s.store.tx(() => Array.from({ length: n }, (_, i) => s.store.appointments.insert(appointmentFields(from + i), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: AT })));
}

const rowsOf = (s: TestStore) => s.db.prepare('SELECT id, booking_code, full_name, status FROM appointments ORDER BY booking_code').all();

describe('office service on PostgreSQL', () => {
  it('pairs two stations; what one enrols appears at the other, nothing doubled', async () => {
    const o = await bed.office();
    const a = await bed.station(o, 'Loket A');
    const b = await bed.station(o, 'Loket B');
    addAppointments(a, 1, 120);
    const first = await a.link.sync();
    expect(first.pushed.stored).toBeGreaterThanOrEqual(120);
    expect(a.store.changes.count()).toBe(0);
    await b.link.sync();
    expect(rowsOf(b)).toEqual(rowsOf(a));
    // B changes one applicant; A learns of it; a second sync moves nothing.
    const id = (rowsOf(a)[0] as { id: string }).id;
    b.store.tx(() => b.store.appointments.setStatus(id, 'booked', 'checked_in', null, undefined, AT, 'checkIn'));
    await b.link.sync();
    await a.link.sync();
    expect(rowsOf(a)).toEqual(rowsOf(b));
    const again = await a.link.sync();
    expect(again.pushed.sent + again.pulled.received).toBe(0);
    const { rows } = await o.pool.query<{ n: string; d: string }>('SELECT count(*) AS n, count(DISTINCT change_id) AS d FROM changes');
    expect(rows[0]!.n).toBe(rows[0]!.d);
  }, 60_000);

  it('a lost acknowledgement only means a harmless resend', async () => {
    const o = await bed.office();
    const a = await bed.station(o, 'Loket A');
    addAppointments(a, 1, 30);
    const cfg = a.store.officeLink.link()!;
    // The office stores the batch, but its answer never reaches the station.
    const sent = a.store.changes.unsent();
    await officeRequest(cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes: sent }, cfg.credential);
    expect(a.store.changes.count()).toBe(sent.length);
    const resend = await a.link.pushOnce();
    expect(resend).toMatchObject({ sent: sent.length, stored: 0, duplicate: sent.length, refused: 0 });
    expect(a.store.changes.count()).toBe(0);
    const { rows } = await o.pool.query<{ n: string }>('SELECT count(*) AS n FROM changes');
    expect(Number(rows[0]!.n)).toBe(sent.length);
  }, 60_000);

  it('a change committed late is not skipped by a reader that already saw a later one', async () => {
    const o = await bed.office();
    const change = (n: number): Change => ({
      format: 1, changeId: `st-a:${n}`, stationId: 'st-a', table: 'settings', rowId: `k${n}`, op: 'upsert', values: { key: `k${n}`, value: String(n) },
      hlc: `0000019af${String(n).padStart(3, '0')}-000000-st-a`,
    });
    // T1 takes the lower seq and stays open; T2 takes the next seq and commits first.
    const t1 = await o.pool.connect();
    await t1.query('BEGIN');
    await t1.query(`INSERT INTO changes (change_id, station_id, tbl, row_id, op, vals, hlc, format) VALUES ($1, 'st-a', 'settings', 'k1', 'upsert', '{"key":"k1","value":"1"}', $2, 1)`, ['st-a:1', change(1).hlc]);
    expect((await storePush(o.pool, 'st-a', [change(2)]))[0]!.status).toBe('stored');
    const { rows: bySeq } = await o.pool.query<{ change_id: string }>('SELECT change_id FROM changes ORDER BY seq');
    expect(bySeq.map((r) => r.change_id)).toEqual(['st-a:2']);
    // A reader now: the committed change waits behind the open transaction.
    const early = await pullChanges(o.pool, 'st-b', START);
    expect(early.changes).toEqual([]);
    await t1.query('COMMIT');
    t1.release();
    const late = await pullChanges(o.pool, 'st-b', early.watermark);
    expect(late.changes.map((c) => c.changeId)).toEqual(['st-a:1', 'st-a:2']);
    expect((await pullChanges(o.pool, 'st-b', late.watermark)).changes).toEqual([]);
  }, 60_000);

  it('one poison change among a thousand is parked with its reason; the others go on', async () => {
    const o = await bed.office();
    const a = await bed.station(o, 'Loket A');
    addAppointments(a, 1, 999);
    const cfg = a.store.officeLink.link()!;
    const good = a.store.changes.unsent(2000);
    const poison = { ...good[500]!, changeId: `${a.store.stationId}:999999`, format: 7 };
    // Valid to the change format, but PostgreSQL's jsonb cannot hold a NUL character: the
    // batch's fast path fails and each change is tried alone, so only this one is parked.
    const nul = { ...good[0]!, changeId: `${a.store.stationId}:999998`, rowId: 'nul-row', values: { full_name: 'A\u0000B' } };
    const batch = [...good.slice(0, 498), nul, poison];
    const { acks } = await officeRequest<{ acks: { changeId: string; status: string; code?: string; message?: string }[] }>(
      cfg.url, cfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes: batch }, cfg.credential);
    expect(acks.filter((x) => x.status === 'stored')).toHaveLength(498);
    expect(acks.find((x) => x.changeId === nul.changeId)).toMatchObject({ status: 'parked', code: 'change_not_stored' });
    const parked = acks.find((x) => x.changeId === poison.changeId)!;
    expect(parked).toMatchObject({ status: 'parked', code: 'change_format_unknown' });
    expect(parked.message).toMatch(/change format 7/);
    await a.link.sync();
    const { rows } = await o.pool.query<{ n: string }>('SELECT (SELECT count(*) FROM changes) AS n');
    expect(Number(rows[0]!.n)).toBe(good.length);
    const p = await o.pool.query('SELECT change_id, code FROM parked_changes');
    expect(p.rows).toEqual(expect.arrayContaining([{ change_id: poison.changeId, code: 'change_format_unknown' }, { change_id: nul.changeId, code: 'change_not_stored' }]));
    expect(p.rows).toHaveLength(2);
  }, 60_000);

  it('refuses a wrong code, another station\'s changes, and an office presenting another certificate', async () => {
    const o = await bed.office();
    const lone = openStore();
    onTestFinished(() => lone.store.close());
    await createPairingCode(o.pool);
    await expect(pairWithOffice(lone.store, o.server.url, 'AAAA-BBBB-CCCC', 'X')).rejects.toMatchObject({ code: 'pairing_refused' });
    await expect(pairWithOffice(lone.store, o.server.url, 'too-short', 'X')).rejects.toMatchObject({ code: 'pairing_code_invalid' });
    expect(lone.store.officeLink.link()).toBeNull();

    const a = await bed.station(o, 'Loket A');
    const b = await bed.station(o, 'Loket B');
    addAppointments(a, 1, 2);
    const bCfg = b.store.officeLink.link()!;
    const { acks } = await officeRequest<{ acks: { status: string; code: string }[] }>(
      bCfg.url, bCfg.certSha256, 'POST', '/v1/push', { format: CHANGE_FORMAT_VERSION, changes: a.store.changes.unsent() }, bCfg.credential);
    expect(acks.every((x) => x.status === 'parked' && x.code === 'change_wrong_station')).toBe(true);

    // The office reinstalled with a new certificate on the same address: nothing is sent.
    const port = o.server.port;
    await o.server.close();
    await bed.office({ pgUrl: o.pgUrl, port });
    await expect(a.link.pushOnce()).rejects.toMatchObject({ code: 'office_certificate_changed' });
    expect(a.store.changes.count()).toBeGreaterThan(0);
  }, 60_000);
});
