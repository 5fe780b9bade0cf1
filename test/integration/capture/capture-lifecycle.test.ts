// The capture session's lifecycle through the station's contract, on real SQLite files and
// the in-process simulators: a device saved in the middle of a capture, the capture let go
// when the enrolment is submitted or the officer leaves it (but not on a reload), and a
// capture opened again after the station restarted — with the saved fingers finished and
// their sealed templates still catching a duplicate finger.
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, type TestStation, type TestSession } from '../../helpers/station';
import type { AppointmentRow, CaptureView, EnrolmentView, SessionInfo } from '../../../electron/contract-types';
import { until } from '../../helpers/until';
import { addSupervisor, answerIdentityAndDetails, SUPERVISOR } from '../../helpers/enrolment-steps';
import { completeServiceParts } from '../../helpers/service-parts';

let t: TestStation;
let s: TestSession;
let appointmentId: string;
let reader = 'fingerprint-sim';


/** One attempt with a named finger on the simulated sensor; resolves with the outcome view. */
async function attempt(session: TestSession, name: string): Promise<CaptureView> {
  await session.ok('devices.simulate', { id: reader, action: 'place_finger', code: name, variant: 'clean' });
  const before = session.events.length;
  await session.ok('capture.action', { appointmentId, action: 'retry' });
  const v = await until(() => session.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
    .find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
  await session.ok('devices.simulate', { id: reader, action: 'lift_finger' });
  return v;
}

async function technicianWithApplicant(station: TestStation): Promise<TestSession> {
  const session = station.session();
  const me = await session.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await session.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter', 'technician'] });
  appointmentId = (await session.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'new', passportType: 'electronic', priority: [],
  })).id;
  await session.ok('enrolment.open', { appointmentId });
  return session;
}

beforeEach(async () => {
  reader = 'fingerprint-sim';
  t = await openTestStation({ demo: true, start: new Date() });
  s = await technicianWithApplicant(t);
});
afterEach(async () => { await t.close(); });

describe('capture lifecycle', () => {
  it('a device saved in the middle of a capture: the next attempt uses the rebuilt reader', async () => {
    await s.ok('capture.start', { appointmentId });
    expect((await attempt(s, 'first')).fingers[0]!.status).toBe('captured');
    // The technician configures the reader; the station rebuilds every driver.
    await s.ok('devices.save', { id: 'fp-desk', kind: 'fingerprint', driver: 'zfm', label: 'Desk reader', port: { kind: 'sim', name: 'zfm' } });
    reader = 'fp-desk';
    const next = await attempt(s, 'second');
    expect(next.message).toBeNull();
    expect(next).toMatchObject({ state: 'review', deviceId: 'fp-desk' });
    expect(next.fingers[1]).toMatchObject({ finger: 'left_thumb', status: 'captured' });
  });

  it('the officer leaving the enrolment lets go of the capture; a reload (a new session) does not', async () => {
    await s.ok('capture.start', { appointmentId });
    await attempt(s, 'kept');
    // A reload: the screen's connection goes, a new one comes and finds the capture as it was.
    s.raw.close();
    const again = t.session();
    await again.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const resumed = await again.ok<CaptureView | null>('capture.get', { appointmentId });
    expect(resumed?.fingers[0]).toMatchObject({ status: 'captured' });
    // Leaving: the station holds nothing of it any more; what was saved stays.
    await again.ok('capture.close', { appointmentId });
    expect(await again.ok('capture.get', { appointmentId })).toBeNull();
    expect((await again.ok<EnrolmentView>('enrolment.get', { appointmentId })).fingerprints[0]).toMatchObject({ finger: 'right_thumb', status: 'captured' });
  });

  it('submitting the enrolment lets go of the capture', async () => {
    await s.ok('capture.start', { appointmentId });
    for (const name of ['a', 'b', 'c', 'd']) await attempt(s, name);
    const w = 300;
    const h = 400;
    const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 180), width: w, height: h }, 85).data).toString('base64');
    await s.ok('photo.save', { appointmentId, jpegBase64, width: w, height: h, camera: 'test', checks: {} });
    await s.ok('documents.scan', { appointmentId, docType: 'ktp' });
    await completeServiceParts(s.ok.bind(s) as never, appointmentId);
    expect(await s.ok<CaptureView | null>('capture.get', { appointmentId })).not.toBeNull();
    await addSupervisor(s);
    await answerIdentityAndDetails(s, appointmentId, { supervisor: SUPERVISOR });
    await s.ok('enrolment.submit', { appointmentId });
    expect(await s.ok('capture.get', { appointmentId })).toBeNull();
  // The service parts add scans of several A4 pages (and a form to cut the signature from).
  }, 120_000);

  it('after a restart the capture knows the fingers saved, and their templates still catch a duplicate', async () => {
    await s.ok('capture.start', { appointmentId });
    await attempt(s, 'thumb-R');
    await attempt(s, 'thumb-L');
    const saved = await s.ok<EnrolmentView>('enrolment.get', { appointmentId });
    expect(saved.fingerprints.slice(0, 2).map((f) => f.templateFormat)).toEqual(['zfm', 'zfm']);
    const dataDir = t.dataDir;
    await t.station.close();

    t = await openTestStation({ demo: true, start: new Date(), dataDir });
    s = t.session();
    await s.ok('auth.login', { nip: ADMIN.nip, password: ADMIN.password });
    const v = await s.ok<CaptureView>('capture.start', { appointmentId });
    expect(v.fingers.map((f) => [f.finger, f.status])).toEqual([
      ['right_thumb', 'captured'], ['left_thumb', 'captured'], ['right_index', 'pending'], ['left_index', 'pending'],
    ]);
    expect(v.current).toBe('right_index');
    expect(v.fingers[0]!.blobId).toBe(saved.fingerprints[0]!.blobId);
    // The right thumb presented again for the right index: the template saved before the restart catches it.
    const dup = await attempt(s, 'thumb-R');
    expect(dup).toMatchObject({ state: 'error', message: { key: 'capture.duplicate_finger', params: { other: 'right_thumb' } } });
    const good = await attempt(s, 'index-R');
    expect(good.fingers[2]).toMatchObject({ finger: 'right_index', status: 'captured' });
  });
});
