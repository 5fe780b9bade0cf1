// The fingerprint step through the station's contract, against the in-process ZFM
// simulator behind the device manager: the whole plan, a duplicate finger, a poor finger
// accepted with a reason, a finger marked missing, and an unplug mid-image that loses
// nothing and leaves the next capture working.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStation, ADMIN, type TestStation, type TestSession } from '../../helpers/station';
import type { AppointmentRow, CaptureView, EnrolmentView, SessionInfo, BlobData } from '../../../electron/contract-types';
import { until } from '../../helpers/until';

let t: TestStation;
let s: TestSession;
let appointmentId: string;

const lastView = () => s.events.filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView).at(-1);

/** One attempt: place a finger (or let demo mode place one), retry, wait for the outcome. */
async function attempt(finger?: { name: string; quality?: string }): Promise<CaptureView> {
  if (finger) await s.ok('devices.simulate', { id: 'fingerprint-sim', action: 'place_finger', code: finger.name, variant: finger.quality ?? 'clean' });
  const before = s.events.length;
  await s.ok('capture.action', { appointmentId, action: 'retry' });
  const v = await until(() => s.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
    .find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
  if (finger) await s.ok('devices.simulate', { id: 'fingerprint-sim', action: 'lift_finger' });
  return v;
}

beforeEach(async () => {
  t = await openTestStation({ demo: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter', 'technician'] });
  appointmentId = (await s.ok<AppointmentRow>('queue.addWalkIn', {
    nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
    service: 'new', passportType: 'electronic', priority: [],
  })).id;
  await s.ok('enrolment.open', { appointmentId });
});
afterEach(async () => { await t.close(); });

describe('fingerprint step', () => {
  it('captures the whole plan and stores each finger sealed', async () => {
    const v0 = await s.ok<CaptureView>('capture.start', { appointmentId });
    expect(v0.fingers.map((f) => f.finger)).toEqual(['right_thumb', 'left_thumb', 'right_index', 'left_index']);
    expect(v0).toMatchObject({ current: 'right_thumb', threshold: 50, maxAttempts: 3 });
    for (const name of ['a', 'b', 'c', 'd']) await attempt({ name });
    const done = lastView()!;
    expect(done.state).toBe('done');
    expect(done.fingers.every((f) => f.status === 'captured' && (f.score ?? 0) >= 50)).toBe(true);
    expect(done.image?.pngBase64.length).toBeGreaterThan(1000);
    const e = await s.ok<EnrolmentView>('enrolment.get', { appointmentId });
    expect(e.fingerprints.map((f) => f.status)).toEqual(['captured', 'captured', 'captured', 'captured']);
    expect(e.missing).not.toContain('fingerprints');
    const png = await s.ok<BlobData>('blob.get', { id: e.fingerprints[0]!.blobId!, screen: 'enrolment.fingerprints' });
    expect(png.mime).toBe('image/png');
    expect(Buffer.from(png.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('catches the same finger presented for two slots', async () => {
    await s.ok('capture.start', { appointmentId });
    await attempt({ name: 'same' });
    const v = await attempt({ name: 'same' });
    expect(v.state).toBe('error');
    expect(v.message).toMatchObject({ key: 'capture.duplicate_finger', params: { other: 'right_thumb' } });
    expect(v.fingers[1]).toMatchObject({ finger: 'left_thumb', status: 'pending', attempts: 1 });
    const ok = await attempt({ name: 'other' });
    expect(ok.fingers[1]!.status).toBe('captured');
  });

  it('after the last poor attempt the officer accepts the best with a reason, or marks a finger missing', async () => {
    await s.ok('capture.start', { appointmentId });
    for (let i = 0; i < 3; i++) await attempt({ name: 'worn', quality: 'smudged' });
    const v = lastView()!;
    expect(v.fingers[0]).toMatchObject({ status: 'needs_decision', attempts: 3, attemptsLeft: 0 });
    expect(await s.call('capture.action', { appointmentId, action: 'accept', finger: 'right_thumb' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const accepted = await s.ok<CaptureView>('capture.action', { appointmentId, action: 'accept', finger: 'right_thumb', note: 'worn ridges, manual labour' });
    expect(accepted.fingers[0]).toMatchObject({ status: 'accepted_below_threshold', note: 'worn ridges, manual labour' });
    const skipped = await s.ok<CaptureView>('capture.action', { appointmentId, action: 'skip', finger: 'left_thumb', missingReason: 'bandaged', note: 'bandage, recent injury' });
    expect(skipped.fingers[1]).toMatchObject({ status: 'missing', missingReason: 'bandaged' });
    const e = await s.ok<EnrolmentView>('enrolment.get', { appointmentId });
    expect(e.fingerprints.slice(0, 2).map((f) => f.status)).toEqual(['accepted_below_threshold', 'missing']);
  });

  it('an unplug in the middle of the image loses nothing and the next capture works', async () => {
    await s.ok('capture.start', { appointmentId });
    await attempt({ name: 'first' });
    await s.ok('devices.simulate', { id: 'fingerprint-sim', action: 'fault', variant: 'unplug_mid_image' });
    const failed = await attempt({ name: 'second' });
    expect(failed.state).toBe('error');
    expect(failed.message?.key).toMatch(/^device\./);
    // The manager reconnects the simulated cable; the finger already captured is still there.
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId })).fingerprints[0]!.status).toBe('captured');
    let next: CaptureView | undefined;
    for (let i = 0; i < 20 && next?.fingers[1]?.status !== 'captured'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      next = await attempt({ name: 'second' });
    }
    expect(next!.fingers[1]!.status).toBe('captured');
  });

  it('captures with a GT-521 reader: 450 ppi images, templates of its own format, the duplicate caught on the device', async () => {
    await s.ok('devices.save', { id: 'fp-gt', kind: 'fingerprint', driver: 'gt521', label: 'GT-521', port: { kind: 'sim', name: 'gt521' } });
    const sim = (a: string, extra: object = {}) => s.ok('devices.simulate', { id: 'fp-gt', action: a, ...extra });
    const v0 = await s.ok<CaptureView>('capture.start', { appointmentId });
    expect(v0.deviceId).toBe('fp-gt');
    const take = async (name: string): Promise<CaptureView> => {
      await sim('place_finger', { code: name, variant: 'clean' });
      const before = s.events.length;
      await s.ok('capture.action', { appointmentId, action: 'retry' });
      const v = await until(() => s.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
        .find((p) => p.state === 'review' || p.state === 'done' || p.state === 'error'));
      await sim('lift_finger');
      return v;
    };
    expect((await take('g1')).fingers[0]!.status).toBe('captured');
    const dup = await take('g1');
    expect(dup.message).toMatchObject({ key: 'capture.duplicate_finger', params: { other: 'right_thumb' } });
    const e = await s.ok<EnrolmentView>('enrolment.get', { appointmentId });
    expect(e.fingerprints[0]).toMatchObject({ status: 'captured', templateFormat: 'gt521' });
    const png = await s.ok<BlobData>('blob.get', { id: e.fingerprints[0]!.blobId!, screen: 'enrolment.fingerprints' });
    expect(png.meta).toMatchObject({ ppi: 450, width: 258, height: 202 });
  });
});
