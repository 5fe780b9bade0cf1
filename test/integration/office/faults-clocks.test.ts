// Faults of time: three stations of one office whose clocks disagree — one an hour ahead of
// the others, one reset to 1970 (a flat CMOS battery) and restarted. The hybrid logical
// clock must still order every step and edit as they happened, a stale approval must not
// undo a later step, and at the end every store equals the office database field by field.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentStatus } from '../../../domain/catalog';
import { OfficeCluster, type ClusterStation } from '../../helpers/office-cluster';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { appointmentFields, removeTempDirs } from '../../helpers/stores';

let pgServer: TestPostgres;
let cluster: OfficeCluster | null = null;
beforeAll(async () => { pgServer = await startPostgres(); }, 60_000);
afterAll(async () => { await pgServer?.stop(); });
afterEach(async () => { await cluster?.stop(); cluster = null; removeTempDirs(); });

const REAL = Date.UTC(2026, 11, 7, 8, 0, 0);
const HOUR = 3_600_000;

/** Each event moves a station's physical clock on a little, as real time would. */
function at(s: ClusterStation): string {
  s.clock.ms += 1000;
  return new Date(s.clock.ms).toISOString();
}
function step(s: ClusterStation, id: string, from: AppointmentStatus, to: AppointmentStatus, action: string): void {
  s.store.tx(() => s.store.appointments.setStatus(id, from, to, null, undefined, at(s), action));
}
function rename(s: ClusterStation, id: string, n: number, fullName: string): void {
  s.store.tx(() => s.store.appointments.updateFields(id, { ...appointmentFields(n), fullName }, `h-${fullName}`, at(s)));
}
const field = (s: ClusterStation, id: string, col: 'status' | 'full_name') =>
  (s.db.prepare(`SELECT ${col} AS v FROM appointments WHERE id = ?`).get(id) as { v: string }).v;

describe('office faults: clocks', () => {
  it('stations an hour apart and one reset to 1970 still agree on the order of events', async () => {
    cluster = await OfficeCluster.start(pgServer, [REAL, REAL + HOUR, REAL]);
    const [a, b, c] = cluster.stations as [ClusterStation, ClusterStation, ClusterStation];
    const ids = a.store.tx(() => Array.from({ length: 40 }, (_, i) =>
      a.store.appointments.insert(appointmentFields(i + 1), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(a) })));
    await cluster.syncAll();
    for (const id of ids.slice(0, 10)) { step(c, id, 'booked', 'checked_in', 'checkIn'); step(c, id, 'checked_in', 'in_enrolment', 'openEnrolment'); }
    await cluster.syncAll();

    // C's clock battery dies: it restarts in 1970 and goes on working. Its steps must still
    // come after everything it has seen.
    cluster.reopen(c, 0);
    for (const id of ids.slice(0, 10)) step(c, id, 'in_enrolment', 'awaiting_approval', 'submit');
    await cluster.syncAll();
    for (const s of [a, b, c]) expect(field(s, ids[0]!, 'status')).toBe('awaiting_approval');

    // The supervisor at B (an hour ahead) approves the first five; C, which has not heard
    // yet, returns the first one — stamped in 1970, after everything C has seen.
    for (const id of ids.slice(0, 5)) step(b, id, 'awaiting_approval', 'approved', 'approve');
    await b.link.sync();
    step(c, ids[0]!, 'awaiting_approval', 'returned', 'return');
    const cSync = await c.link.sync();
    expect(cSync.pushed.refused).toBeGreaterThan(0);
    expect(c.store.officeLink.refusals().map((r) => r.code)).toContain('step_stale');

    // Edits: B (an hour ahead) renames applicant 21 first; A (on time) renames it after
    // hearing of B's — A's later edit wins although its wall clock is an hour behind B's.
    rename(b, ids[20]!, 21, 'NAMA DARI B');
    await b.link.sync();
    await a.link.sync();
    rename(a, ids[20]!, 21, 'NAMA DARI A');
    // C (1970) renames applicant 22 after A did: C's wins.
    rename(a, ids[21]!, 22, 'NAMA A 22');
    await a.link.sync();
    await c.link.sync();
    rename(c, ids[21]!, 22, 'NAMA C 22');
    await cluster.syncAll();

    for (const s of [a, b, c]) {
      expect(field(s, ids[0]!, 'status'), s.name).toBe('approved');
      expect(field(s, ids[5]!, 'status'), s.name).toBe('awaiting_approval');
      expect(field(s, ids[20]!, 'full_name'), s.name).toBe('NAMA DARI A');
      expect(field(s, ids[21]!, 'full_name'), s.name).toBe('NAMA C 22');
    }
    expect(await cluster.compareAll()).toEqual([]);
  }, 120_000);

  it('a station more than the allowed hour ahead: its changes wait at the others until their clocks catch up, none lost', async () => {
    cluster = await OfficeCluster.start(pgServer, [REAL, REAL + HOUR + 5 * 60_000]);
    const [a, b] = cluster.stations as [ClusterStation, ClusterStation];
    const id = b.store.tx(() => b.store.appointments.insert(appointmentFields(1), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(b) }));
    await b.link.sync();
    await a.link.sync();
    // A refuses to let B's stamp drag its clock 65 minutes forward — but keeps the change.
    expect(a.store.appointments.getById(id)).toBeUndefined();
    expect(a.store.remote.waitingCount()).toBeGreaterThan(0);
    expect(await cluster.compareAll()).toContain(`${a.name}: appointments/${id} is at the office but not here`);
    // Six minutes later by A's clock the stamp is within the hour: applied, nothing lost.
    a.clock.ms += 6 * 60_000;
    await a.link.sync();
    expect(a.store.appointments.getById(id)?.fullName).toBe('PEMOHON 1');
    expect(await cluster.compareAll()).toEqual([]);
  }, 60_000);
});
