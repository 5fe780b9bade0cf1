// The office's rules on a real PostgreSQL: a station whose clock runs an hour ahead cannot
// undo a later step with a stale one, a submitted application's data is frozen, and the
// station whose change was refused comes back to the office's state and is told why.
import { describe, expect, it } from 'vitest';
import type { OfficeLink } from '../../../electron/services/office-link';
import type { Office } from '../../../office/service';
import { officeTestBed } from '../../helpers/office-stations';
import { appointmentFields, type TestStore } from '../../helpers/stores';
import type { AppointmentStatus } from '../../../domain/catalog';

const bed = officeTestBed();

const REAL = Date.UTC(2026, 11, 7, 8, 0, 0);

async function setup(): Promise<{ o: Office; a: TestStore & { link: OfficeLink }; b: TestStore & { link: OfficeLink } }> {
  const o = await bed.office();
  // A's clock runs an hour ahead of B's.
  return { o, a: await bed.station(o, 'x', { ms: REAL + 3_600_000 }), b: await bed.station(o, 'x', { ms: REAL }) };
}

const at = (s: TestStore) => new Date(s.clock.ms).toISOString();
function step(s: TestStore, id: string, from: AppointmentStatus, to: AppointmentStatus, action: string): void {
  s.clock.ms += 1000;
  s.store.tx(() => s.store.appointments.setStatus(id, from, to, null, undefined, at(s), action));
}
const statusAt = (s: TestStore, id: string) => (s.db.prepare('SELECT status FROM appointments WHERE id = ?').get(id) as { status: string }).status;
const eventsAt = (s: TestStore, id: string) => s.db.prepare('SELECT from_status, to_status FROM appointment_events WHERE appointment_id = ? ORDER BY at, from_status').all(id);

describe('office rules', () => {
  it('a stale step from a station whose clock runs an hour ahead does not undo a later one', async () => {
    const { a, b } = await setup();
    const id = a.store.tx(() => a.store.appointments.insert(appointmentFields(1), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(a) }));
    step(a, id, 'booked', 'checked_in', 'checkIn');
    step(a, id, 'checked_in', 'in_enrolment', 'openEnrolment');
    step(a, id, 'in_enrolment', 'awaiting_approval', 'submit');
    await a.link.sync();
    await b.link.sync();
    // The supervisor approves at B…
    step(b, id, 'awaiting_approval', 'approved', 'approve');
    await b.link.sync();
    // …while A, not yet told, returns the same enrolment (stamped an hour later by its clock).
    step(a, id, 'awaiting_approval', 'returned', 'return');
    const pushed = await a.link.sync();
    expect(pushed.pushed.refused).toBe(2);
    await b.link.sync();
    // Everyone ends on the office's state: approved, and only the steps that happened.
    expect(statusAt(b, id)).toBe('approved');
    expect(statusAt(a, id)).toBe('approved');
    expect(eventsAt(a, id)).toEqual(eventsAt(b, id));
    expect(eventsAt(a, id)).toContainEqual({ from_status: 'awaiting_approval', to_status: 'approved' });
    expect(eventsAt(a, id)).not.toContainEqual({ from_status: 'awaiting_approval', to_status: 'returned' });
    // A's officer is told why, in a sentence.
    const refusals = a.store.officeLink.refusals();
    expect(refusals.map((r) => r.code)).toEqual(['step_stale', 'step_stale']);
    expect(refusals[0]!.message).toMatch(/moved on at the office \(it is now approved\)/);
  }, 90_000);

  it('the data of a submitted application is frozen: a late edit is refused and undone where it was made', async () => {
    const { a, b } = await setup();
    const id = b.store.tx(() => b.store.appointments.insert(appointmentFields(2), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(b) }));
    await b.link.sync();
    await a.link.sync();
    step(b, id, 'booked', 'checked_in', 'checkIn');
    step(b, id, 'checked_in', 'in_enrolment', 'openEnrolment');
    step(b, id, 'in_enrolment', 'awaiting_approval', 'submit');
    await b.link.sync();
    // A, which has not pulled since, corrects the name on the booking.
    a.clock.ms += 1000;
    a.store.tx(() => a.store.appointments.updateFields(id, { ...appointmentFields(2), fullName: 'NAMA LAIN' }, 'h2', at(a)));
    const r = await a.link.sync();
    expect(r.pushed.refused).toBe(1);
    const name = (s: TestStore) => (s.db.prepare('SELECT full_name FROM appointments WHERE id = ?').get(id) as { full_name: string }).full_name;
    expect(name(a)).toBe('PEMOHON 2');
    expect(statusAt(a, id)).toBe('awaiting_approval');
    expect(a.store.officeLink.refusals()[0]).toMatchObject({ code: 'fields_frozen' });
    await b.link.sync();
    expect(name(b)).toBe('PEMOHON 2');
  }, 90_000);

  it('a pulled change that clashes with a record here is kept among the refusals with its sentence, not dropped', async () => {
    const { a, b } = await setup();
    // Two counters, offline, each enter the same booking code for different applicants.
    const mine = b.store.tx(() => b.store.appointments.insert(appointmentFields(3), { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(b) }));
    const theirs = a.store.tx(() => a.store.appointments.insert({ ...appointmentFields(3), fullName: 'PEMOHON LAIN' }, { status: 'booked', priority: [], walkIn: false, sourceHash: null, at: at(a) }));
    await a.link.sync();
    const r = await b.link.sync();
    expect(r.pulled.applied).toBe(0);
    expect(b.store.appointments.getById(theirs)).toBeUndefined();
    expect(b.store.appointments.getById(mine)?.fullName).toBe('PEMOHON 3');
    const kept = b.store.officeLink.refusals();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ from: 'station', code: 'change_conflict', params: { table: 'appointments' } });
    expect(kept[0]!.message).toMatch(/clashes with a record already on this station/);
  }, 90_000);
});
