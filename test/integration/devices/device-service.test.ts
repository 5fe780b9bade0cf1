// The station's devices through its contract: simulated readers configured in demo mode
// appear in the status bar, an MRZ read and a booking-code scan arrive as events, the
// technician sees the trace and tests a device, and roles are enforced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, type TestStation, type TestSession } from '../../helpers/station';
import type { DeviceSlot, DevicesOverview, DeviceTestResult, TraceView, SessionInfo } from '../../../electron/contract-types';
import { trainingTd3 } from '../../../native/sim/mrz-sim';

let t: TestStation;
let s: TestSession;
const until = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

beforeEach(async () => {
  t = await openTestStation({ demo: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician', 'counter'] });
});
afterEach(async () => { await t.close(); });

/** An MRZ read goes only to a counter session with an enrolment open (electron/event-access.ts). */
async function openAnEnrolment(): Promise<void> {
  const { id } = await s.ok<{ id: string }>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F', service: 'new', passportType: 'electronic', priority: [],
  });
  await s.ok('enrolment.open', { appointmentId: id });
}

describe('devices', () => {
  it('shows the simulated devices connected in the status bar', async () => {
    const slots = await s.ok<DeviceSlot[]>('devices.slots');
    expect(slots.map((x) => [x.id, x.state, x.simulated]).sort()).toEqual([
      ['barcode-sim', 'connected', true], ['fingerprint-sim', 'connected', true], ['mrz-sim', 'connected', true], ['printer-sim', 'connected', true], ['receipt-sim', 'connected', true], ['scanner-sim', 'connected', true],
    ]);
  });

  it('turns an MRZ read and a booking-code scan into events', async () => {
    await openAnEnrolment();
    const lines = trainingTd3('X1234567');
    await s.ok('devices.simulate', { id: 'mrz-sim', action: 'present_document', lines });
    expect(await until(() => s.events.some((e) => e.event === 'mrz.read'))).toBe(true);
    expect(s.events.find((e) => e.event === 'mrz.read')!.payload).toMatchObject({ deviceId: 'mrz-sim', lines, framing: 'lines' });
    await s.ok('devices.simulate', { id: 'barcode-sim', action: 'scan_code', code: 'BK2611230007' });
    expect(await until(() => s.events.some((e) => e.event === 'barcode.scanned'))).toBe(true);
    expect(s.events.find((e) => e.event === 'barcode.scanned')!.payload).toMatchObject({ deviceId: 'barcode-sim', code: 'BK2611230007' });
  });

  it('a garbled read says so on the reader\'s slot, and the next read works', async () => {
    await openAnEnrolment();
    await s.ok('devices.simulate', { id: 'mrz-sim', action: 'present_document', lines: trainingTd3('A0000001'), variant: 'garbage' });
    const flagged = () => s.events.some((e) => e.event === 'device.status' && (e.payload as DeviceSlot).id === 'mrz-sim' && Boolean((e.payload as DeviceSlot).message));
    expect(await until(flagged)).toBe(true);
    expect(s.events.some((e) => e.event === 'mrz.read')).toBe(false);
    await s.ok('devices.simulate', { id: 'mrz-sim', action: 'present_document', lines: trainingTd3('A0000002') });
    expect(await until(() => s.events.some((e) => e.event === 'mrz.read' && (e.payload as { lines: string[] }).lines[1]!.startsWith('A0000002')))).toBe(true);
  });

  it('gives the technician the overview, a self-test and the live trace', async () => {
    const o = await s.ok<DevicesOverview>('devices.overview');
    expect(o.devices.map((d) => d.id).sort()).toEqual(['barcode-sim', 'fingerprint-sim', 'mrz-sim', 'printer-sim', 'receipt-sim', 'scanner-sim']);
    expect(o.drivers.map((d) => d.name)).toEqual(expect.arrayContaining(['zfm', 'mrz-lines', 'mrz-rte', 'barcode-hid-pos', 'escl']));
    const fp = await s.ok<DeviceTestResult>('devices.test', { id: 'fingerprint-sim' });
    expect(fp.ok).toBe(true);
    expect(fp.checks.map((c) => c.name)).toContain('identify');
    const sc = await s.ok<DeviceTestResult>('devices.test', { id: 'scanner-sim' });
    expect(sc).toMatchObject({ ok: true, identity: { platen: true, feeder: true } });
    const trace = await s.ok<TraceView>('devices.trace', { id: 'fingerprint-sim' });
    expect(trace.entries.some((e) => e.dir === 'tx' && e.hex.startsWith('ef01'))).toBe(true);
    const paused = await s.ok<TraceView>('devices.trace', { id: 'fingerprint-sim', paused: true, clear: true });
    expect(paused).toEqual({ entries: [], paused: true });
    await s.ok('devices.test', { id: 'fingerprint-sim' });
    expect((await s.ok<TraceView>('devices.trace', { id: 'fingerprint-sim' })).entries).toEqual([]);
    const text = await s.ok<{ fileName: string; text: string }>('devices.traceText', { id: 'mrz-sim' });
    expect(text.fileName).toMatch(/^loket-trace-mrz-sim-/);
  });

  it('saves a device on a path that is not there: disconnected with a sentence, others unaffected', async () => {
    // A configured station: the technician keeps the simulated reader as a configured device.
    await s.ok('devices.save', { id: 'fp-desk', kind: 'fingerprint', driver: 'zfm', label: 'Desk reader', port: { kind: 'sim', name: 'zfm' } });
    const o = await s.ok<DevicesOverview>('devices.save', { id: 'mrz-2', kind: 'mrz', driver: 'mrz-rte', label: 'RTE', port: { kind: 'path', path: '/dev/does-not-exist', baudRate: 9600 } });
    const d = o.devices.find((x) => x.id === 'mrz-2')!;
    expect(['disconnected', 'connecting']).toContain(d.status.state);
    expect(o.devices.find((x) => x.id === 'fp-desk')!.status.state).toBe('connected');
    expect(await s.call('devices.save', { id: 'x-1', kind: 'mrz', driver: 'zfm', label: 'wrong', port: { kind: 'sim', name: 'zfm' } }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'driver' } });
    await s.ok('devices.remove', { id: 'mrz-2' });
    const slots = await s.ok<DeviceSlot[]>('devices.slots');
    expect(slots.some((x) => x.id === 'mrz-2')).toBe(false);
    expect(slots.find((x) => x.id === 'fp-desk')?.state).toBe('connected');
  });

  it('a GT-521 on its in-process simulator: connected at 115,200, identified, self-test passes', async () => {
    const o = await s.ok<DevicesOverview>('devices.overview');
    expect(o.drivers.find((d) => d.name === 'gt521')).toEqual({ name: 'gt521', kind: 'fingerprint', simulator: 'gt521' });
    await s.ok('devices.save', { id: 'fp-gt', kind: 'fingerprint', driver: 'gt521', label: 'GT-521', port: { kind: 'sim', name: 'gt521' } });
    expect(await until(() => (s.events.filter((e) => e.event === 'device.status').map((e) => e.payload as DeviceSlot).findLast((x) => x.id === 'fp-gt')?.state) === 'connected')).toBe(true);
    const dev = (await s.ok<DevicesOverview>('devices.overview')).devices.find((d) => d.id === 'fp-gt')!;
    expect(dev.identity).toMatchObject({ model: 'GT-521F52', baudRate: 115_200, librarySize: 3000 });
    const test = await s.ok<DeviceTestResult>('devices.test', { id: 'fp-gt' });
    expect(test.ok).toBe(true);
    expect(test.checks.map((c) => c.name)).toEqual(['identify', 'sensor', 'library', 'scratch slot']);
    const trace = await s.ok<TraceView>('devices.trace', { id: 'fp-gt' });
    expect(trace.entries.some((e) => e.dir === 'tx' && e.hex.startsWith('55aa01000100000001000201'))).toBe(true);
    await s.ok('devices.simulate', { id: 'fp-gt', action: 'place_finger', code: 'x' });
    await s.ok('devices.simulate', { id: 'fp-gt', action: 'lift_finger' });
  });

  it('only technicians configure devices', async () => {
    await s.ok('officers.create', { name: 'Loket', nip: '199002022015022002', password: 'rahasia-loket-2', roles: ['counter'] });
    const c = t.session();
    await c.ok('auth.login', { nip: '199002022015022002', password: 'rahasia-loket-2' });
    expect(await c.call('devices.overview')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('devices.save', { id: 'a1', kind: 'mrz', driver: 'mrz-lines', label: 'x', port: { kind: 'sim', name: 'mrz' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('simulators standing in', () => {
  it('run while no device is configured, give way to the first configured one, and are not stored', async () => {
    const q = await openTestStation({ simulators: true, start: new Date() });
    try {
      const a = q.session();
      const me = await a.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
      await a.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician'] });
      expect((await a.ok<DeviceSlot[]>('devices.slots')).map((x) => x.id).sort()).toEqual(['barcode-sim', 'fingerprint-sim', 'mrz-sim', 'printer-sim', 'receipt-sim', 'scanner-sim']);
      const o = await a.ok<DevicesOverview>('devices.save', { id: 'mrz-desk', kind: 'mrz', driver: 'mrz-lines', label: 'Desk', port: { kind: 'path', path: '/dev/ttyLOKET-none', baudRate: 9600 } });
      expect(o.devices.map((d) => d.id)).toEqual(['mrz-desk']);
      expect((await a.ok<DeviceSlot[]>('devices.slots')).map((x) => x.id)).toEqual(['mrz-desk']);
    } finally {
      await q.close();
    }
  });

  it('a demo station started twice still reaches its (new) scanner simulator', async () => {
    const first = await openTestStation({ demo: true, start: new Date() });
    const dir = first.dataDir;
    await first.station.close();
    const again = await openTestStation({ demo: true, start: new Date(), dataDir: dir });
    try {
      const a = again.session();
      const me = await a.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
      await a.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician'] });
      expect(await a.ok<DeviceTestResult>('devices.test', { id: 'scanner-sim' })).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
  });
});
