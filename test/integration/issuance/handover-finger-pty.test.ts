// The handover's 1:1 check through the station's contract, with the ZFM driver on the real
// serialport stack over a socat PTY pair against the ZFM simulator: the applicant's own
// finger matches one of the templates sealed at enrolment, a stranger's does not, and a
// passport is handed over only after a match (or a supervisor's override, which the station
// checks itself). Templates enrolled on a GT-521 cannot be read by a ZFM: the station says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { bringToPrinted } from '../../helpers/printed';
import { until } from '../../helpers/until';
import { startPtySim, type PtySim } from '../../../native/sim/pty-sim';
import { socatAvailable } from '../../../native/sim/socat-pair';
import type { DeviceSlot, SessionInfo, ApplicationStep } from '../../../electron/contract-types';
import type { HandoverView, IssueResult, VerifyFingerResult } from '../../../electron/handover-types';

const haveSocat = socatAvailable();
if (!haveSocat) console.warn('skipping the handover PTY test: socat is not installed (apt-get install socat)');

const BAUD = 115_200;
const SUPERVISOR = { name: 'Rina Penyelia', nip: '198707072012072003', password: 'penyelia-rahasia-3' };

describe.skipIf(!haveSocat)('handover 1:1 on a ZFM reader over a PTY', () => {
  let dir: string;
  let host: PtySim;
  let t: TestStation;
  let s: TestSession;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-handover-'));
    host = await startPtySim(path.join(dir, 'ttyFP'), { baud: BAUD, packetBytes: 256 });
    t = await openTestStation({ simulators: false, start: new Date() });
    s = t.session();
    const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
    await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'technician', 'print'] });
    await s.ok('officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
    await s.ok('devices.save', {
      id: 'fp', kind: 'fingerprint', driver: 'zfm', label: 'Sidik jari penyerahan',
      port: { kind: 'path', path: host.path, baudRate: BAUD }, settings: { ackTimeoutMs: 1500, dataTimeoutMs: 800 },
    });
    let slots: DeviceSlot[] = [];
    const poll = setInterval(() => { void s.ok<DeviceSlot[]>('devices.slots').then((x) => { slots = x; }); }, 50);
    try {
      await until(() => slots.find((d) => d.id === 'fp' && d.state === 'connected'), 10_000);
    } finally {
      clearInterval(poll);
    }
  }, 30_000);

  afterAll(async () => {
    await t?.close();
    await host?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches the applicant\'s finger against the sealed templates and hands over; a stranger\'s finger matches none', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOZFM001', fingers: { right_thumb: 'budi-thumb', right_index: 'budi-index' } });
    const v = await s.ok<HandoverView>('issuance.identify', { code: 'hozfm001' });
    expect(v).toMatchObject({ blockers: [], canCompare: true, reader: { id: 'fp', format: 'zfm' }, verified: null });
    expect(v.enrolledFingers).toEqual([{ finger: 'right_thumb', format: 'zfm' }, { finger: 'right_index', format: 'zfm' }]);
    expect(v.photoBlobId).toBeTruthy();

    host.sim.placeFinger('someone-else', 'clean');
    const no = await s.ok<VerifyFingerResult>('issuance.verifyFinger', { appointmentId: a.appointmentId });
    host.sim.liftFinger();
    expect(no).toMatchObject({ matched: false, compared: 2 });
    expect(no.view.verified).toBeNull();
    // No match, no override: the station refuses the handover.
    expect(await s.call('issuance.issue', { appointmentId: a.appointmentId, collector: { kind: 'applicant' } }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'identity_unverified' } } });

    host.sim.placeFinger('budi-index', 'clean');
    const yes = await s.ok<VerifyFingerResult>('issuance.verifyFinger', { appointmentId: a.appointmentId });
    host.sim.liftFinger();
    expect(yes).toMatchObject({ matched: true, finger: 'right_index' });
    expect(yes.score).toBeGreaterThanOrEqual(40);
    expect(yes.view.verified?.finger).toBe('right_index');

    const done = await s.ok<IssueResult>('issuance.issue', { appointmentId: a.appointmentId, collector: { kind: 'applicant' } });
    expect(done.view.appointment.status).toBe('issued');
    expect(done.view.handover).toMatchObject({ kind: 'counter', officerName: ADMIN.name, collector: { kind: 'applicant' }, verification: { method: 'finger', finger: 'right_index' } });
    const history = await s.ok<ApplicationStep[]>('application.history', { id: a.appointmentId });
    expect(history.find((h) => h.action === 'issue')).toMatchObject({ action: 'issue', from: 'printed', to: 'issued' });
    // Issued once: a second handover is refused.
    expect(await s.call('issuance.verifyFinger', { appointmentId: a.appointmentId })).toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'already_issued' } } });
  }, 60_000);

  it('says when the templates are of another family, and takes a supervisor\'s override verified at the station', async () => {
    const a = bringToPrinted(t.dataDir, { bookingCode: 'HOGT5001', format: 'gt521', fingers: { right_thumb: 'sari-thumb' } });
    const v = await s.ok<HandoverView>('issuance.identify', { code: 'HOGT5001' });
    expect(v).toMatchObject({ canCompare: false, enrolledFingers: [{ finger: 'right_thumb', format: 'gt521' }], reader: { format: 'zfm' } });
    expect(await s.call('issuance.verifyFinger', { appointmentId: a.appointmentId }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'template_format', enrolled: 'gt521', reader: 'zfm' } } });
    const issue = (override: unknown) => s.call('issuance.issue', { appointmentId: a.appointmentId, collector: { kind: 'applicant' }, override });
    expect(await issue({ nip: SUPERVISOR.nip, password: 'not-the-password', reason: 'reader cannot read GT-521 templates' }))
      .toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    // The print operator's own password is not a supervisor's.
    expect(await issue({ nip: ADMIN.nip, password: ADMIN.password, reason: 'reader cannot read GT-521 templates' }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'not_supervisor' } } });
    const done = (await issue({ nip: SUPERVISOR.nip, password: SUPERVISOR.password, reason: 'reader cannot read GT-521 templates' }));
    expect(done.ok).toBe(true);
    const view = (done as { value: IssueResult }).value.view;
    expect(view.appointment.status).toBe('issued');
    expect(view.handover?.verification).toMatchObject({ method: 'override', reason: 'reader cannot read GT-521 templates' });
  }, 30_000);
});
