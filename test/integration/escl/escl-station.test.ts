// The documents step's scanner through the station's contract, against the eSCL simulator
// standing for a common office unit (flatbed 150/300 dpi, feeder 300 dpi only, no 200):
// settings chosen from its capabilities, the slot busy while a job runs, a scan cancelled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, OFFICER, type TestStation, type TestSession } from '../../helpers/station';
import { startEsclSim, type EsclSim } from '../../../native/sim/escl-sim';
import type { AppointmentRow, DeviceSlot, EnrolmentView, SessionInfo, AuditRow } from '../../../electron/contract-types';

let t: TestStation;
let s: TestSession;
let applicant: AppointmentRow;
const until = async (cond: () => boolean, ms = 5000): Promise<boolean> => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return cond();
};
const scannerEvents = (): DeviceSlot[] => s.events.filter((e) => e.event === 'device.status' && (e.payload as DeviceSlot).id === 'scanner-sim').map((e) => e.payload as DeviceSlot);

beforeEach(async () => {
  // --demo: the scanner simulator stands in as 'scanner-sim' with the office profile.
  t = await openTestStation({ demo: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician', 'counter'] });
  applicant = await s.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'replace_expired', passportType: 'electronic', priority: [],
  });
  await s.ok('enrolment.open', { appointmentId: applicant.id });
});
afterEach(async () => { await t.close(); });

describe('scan settings chosen from the scanner\'s capabilities', () => {
  // A scanner of our own here (two sheets in the feeder), configured by the technician.
  let sim: EsclSim;
  beforeEach(async () => {
    sim = await startEsclSim({ profile: 'office', feederPages: 2 });
    await s.ok('devices.save', { id: 'scanner-desk', kind: 'document_scanner', driver: 'escl', label: 'Desk scanner', port: { kind: 'url', url: sim.url } });
  });
  afterEach(async () => { await sim.close(); });

  it('scans a KTP on a 150/300 flatbed at 300 dpi without being told a resolution', async () => {
    const ktp = await s.ok<EnrolmentView>('documents.scan', { appointmentId: applicant.id, docType: 'ktp', source: 'platen', colorMode: 'color' });
    // The simulator returns exactly the requested region: the whole glass, 2550 × 3508 at 300 dpi.
    expect(ktp.documents[0]).toMatchObject({ docType: 'ktp', resolution: 300, width: 2550, height: 3508 });
    expect(sim.requests.filter((q) => q.startsWith('POST'))).toEqual([expect.stringMatching(/→ 201$/)]);
  });

  it('the old fixed 200 dpi, which this scanner refuses, becomes 300 on the feeder; 150 stays 150 on the glass', async () => {
    const feeder = await s.ok<EnrolmentView>('documents.scan', { appointmentId: applicant.id, docType: 'kk', source: 'feeder', resolution: 200, colorMode: 'grayscale' });
    expect(feeder.documents.map((d) => [d.page, d.resolution])).toEqual([[1, 300], [2, 300]]);
    const glass = await s.ok<EnrolmentView>('documents.scan', { appointmentId: applicant.id, docType: 'other', source: 'platen', resolution: 150, colorMode: 'color' });
    expect(glass.documents.find((d) => d.docType === 'other')).toMatchObject({ resolution: 150, width: 1275 });
    const audit = await s.ok<AuditRow[]>('audit.list', { limit: 10 });
    expect(audit.find((a) => a.action === 'enrolment.document')?.detail).toMatchObject({ source: 'platen', resolution: 150, colorMode: 'color' });
    // Not one job was refused by the scanner.
    expect(sim.requests.filter((q) => /^POST .* → 4\d\d$/.test(q))).toEqual([]);
  });
});

describe('the scanner slot while a job runs', () => {
  it('turns busy as the job starts, before any page arrives, and ready again when it ends', async () => {
    // A technician-configured scanner that takes 1.5 s to scan a page.
    const sim = await startEsclSim({ profile: 'office', pageDelayMs: 1500 });
    try {
      await s.ok('devices.save', { id: 'scanner-desk', kind: 'document_scanner', driver: 'escl', label: 'Desk scanner', port: { kind: 'url', url: sim.url } });
      const desk = (): DeviceSlot[] => s.events.filter((e) => e.event === 'device.status' && (e.payload as DeviceSlot).id === 'scanner-desk').map((e) => e.payload as DeviceSlot);
      expect(await until(() => desk().at(-1)?.state === 'connected')).toBe(true);
      s.events.length = 0;
      const scan = s.call('documents.scan', { appointmentId: applicant.id, docType: 'other', source: 'platen', resolution: 150, colorMode: 'color' });
      expect(await until(() => desk().some((e) => e.state === 'busy'), 1000)).toBe(true);
      // Inside the 10-second poll, and before the scanner sent its page.
      expect(sim.requests.some((q) => /NextDocument → 200/.test(q))).toBe(false);
      expect((await s.ok<DeviceSlot[]>('devices.slots')).find((x) => x.id === 'scanner-desk')?.state).toBe('busy');
      expect((await scan).ok).toBe(true);
      expect(await until(() => desk().at(-1)?.state === 'connected', 3000)).toBe(true);
      expect(desk().map((e) => e.state)).toEqual(['busy', 'connected']);
    } finally {
      await sim.close();
    }
  });
});

describe('cancelling a scan', () => {
  it('deletes the job on the scanner, stores nothing and says it was cancelled', async () => {
    await s.ok('devices.simulate', { id: 'scanner-sim', action: 'fault', variant: 'slow' });
    const scan = s.call('documents.scan', { appointmentId: applicant.id, docType: 'kk', source: 'feeder', colorMode: 'color' });
    expect(await until(() => scannerEvents().some((e) => e.state === 'busy'), 2000)).toBe(true);
    // Give the job time to be created on the scanner (POST → 201) before stopping it.
    await new Promise((r) => setTimeout(r, 300));
    expect(await s.ok('documents.cancelScan', { appointmentId: applicant.id })).toEqual({ cancelled: true });
    const r = await scan;
    expect(r).toMatchObject({ ok: false, error: { code: 'device', params: { key: 'device.escl.cancelled' } } });
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId: applicant.id })).documents).toEqual([]);
    // The scanner heard DELETE for its job and holds it as cancelled.
    const status = await fetch(new URL('ScannerStatus', await scannerUrl())).then((x) => x.text());
    expect(status).toMatch(/<pwg:JobState>Canceled<\/pwg:JobState>/);
    expect(status).not.toMatch(/<pwg:JobState>(Processing|Completed)<\/pwg:JobState>/);
    const audit = await s.ok<AuditRow[]>('audit.list', { limit: 10 });
    expect(audit.map((a) => a.action)).toContain('enrolment.scan_cancelled');
    expect(audit.map((a) => a.action)).not.toContain('enrolment.document');
    // Nothing running: nothing to cancel.
    expect(await s.ok('documents.cancelScan', { appointmentId: applicant.id })).toEqual({ cancelled: false });
  });

  it('is for the counter, checked in the station', async () => {
    await s.ok('officers.create', { ...OFFICER, roles: ['print'] });
    const p = t.session();
    await p.ok('auth.login', { nip: OFFICER.nip, password: OFFICER.password });
    expect(await p.call('documents.cancelScan', { appointmentId: applicant.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

async function scannerUrl(): Promise<string> {
  const o = await s.ok<{ devices: { id: string; port: { kind: string; url?: string } }[] }>('devices.overview');
  return o.devices.find((d) => d.id === 'scanner-sim')!.port.url!;
}
