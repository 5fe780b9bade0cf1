// An https eSCL scanner configured at the station: the technician reads its certificate,
// confirms it (the pin is stored with the device), scans work; when the scanner comes back
// with another certificate the scan is refused with a sentence and nothing is stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, type TestStation, type TestSession } from '../../helpers/station';
import { startEsclSim, type EsclSim } from '../../../native/sim/escl-sim';
import { generateSimCertificate, type SimCertificate } from '../../../native/sim/escl-sim-tls';
import type { AppointmentRow, DevicesOverview, EnrolmentView, ScannerCertificateView, SessionInfo } from '../../../electron/contract-types';

let t: TestStation;
let s: TestSession;
let sim: EsclSim;
let cert: SimCertificate;
let applicant: AppointmentRow;

beforeEach(async () => {
  cert = await generateSimCertificate();
  sim = await startEsclSim({ tls: cert, profile: 'office' });
  t = await openTestStation({ start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician', 'counter'] });
  applicant = await s.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'replace_expired', passportType: 'electronic', priority: [],
  });
  await s.ok('enrolment.open', { appointmentId: applicant.id });
});
afterEach(async () => { await t.close(); await sim.close(); });

const scan = () => s.call('documents.scan', { appointmentId: applicant.id, docType: 'other', source: 'platen', resolution: 150, colorMode: 'grayscale' });
const save = (settings: Record<string, string>) =>
  s.call('devices.save', { id: 'scanner-https', kind: 'document_scanner', driver: 'escl', label: 'Scanner https', port: { kind: 'url', url: sim.url }, settings });

describe('an https scanner at the station', () => {
  it('is refused until its certificate is confirmed, scans with the pin, and refuses a new certificate', async () => {
    expect((await save({})).ok).toBe(true);
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'device', params: { key: 'device.escl.certUnconfirmed' } } });

    const shown = await s.ok<ScannerCertificateView>('devices.scannerCertificate', { url: sim.url });
    expect(shown).toMatchObject({ sha256: cert.sha256, trusted: false });
    const o = await s.ok<DevicesOverview>('devices.save', {
      id: 'scanner-https', kind: 'document_scanner', driver: 'escl', label: 'Scanner https', port: { kind: 'url', url: sim.url }, settings: { certSha256: shown.sha256 },
    });
    expect(o.devices.find((d) => d.id === 'scanner-https')?.settings).toEqual({ certSha256: cert.sha256 });
    const v = await s.ok<EnrolmentView>('documents.scan', { appointmentId: applicant.id, docType: 'other', source: 'platen', resolution: 150, colorMode: 'grayscale' });
    expect(v.documents).toHaveLength(1);

    // The scanner is replaced at the same address with another certificate.
    const port = sim.port;
    await sim.close();
    sim = await startEsclSim({ tls: await generateSimCertificate(), port, profile: 'office' });
    expect(await scan()).toMatchObject({ ok: false, error: { code: 'device', params: { key: 'device.escl.certChanged' } } });
    expect(sim.requests).toEqual([]);
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId: applicant.id })).documents).toHaveLength(1);
  });

  it('accepts only a SHA-256 fingerprint as the pin, and only technicians read certificates', async () => {
    expect(await save({ certSha256: 'AB:CD' })).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'settings.certSha256' } });
    expect(await s.call('devices.scannerCertificate', { url: 'http://127.0.0.1:1/eSCL/' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    await s.ok('officers.create', { name: 'Loket', nip: '199002022015022002', password: 'rahasia-loket-2', roles: ['counter'] });
    const c = t.session();
    await c.ok('auth.login', { nip: '199002022015022002', password: 'rahasia-loket-2' });
    expect(await c.call('devices.scannerCertificate', { url: sim.url })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.call('devices.discoverScanners', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
