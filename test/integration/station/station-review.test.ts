// The supervisor's review through the station's own contract, on a real store with the
// simulated devices: approval only inside a batch the supervisor's password unlocked (15
// minutes, 50 approvals, on the injected clock), only of the content they were shown, and
// returns with a reason from the list that reach the counter officer, who corrects and
// resubmits while the returned version stays in the history.
import jpeg from 'jpeg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AppointmentRow, AuditRow, BacklogView, CaptureView, BatchGrantView, EnrolmentView, OfficerRow, QueueView, ReviewApproved, ReviewQueue, ReviewView,
} from '../../../electron/contract-types';
import { toCsv, validRecords } from '../../helpers/appointment-files';
import { ADMIN, OFFICER, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { answerIdentityAndDetails } from '../../helpers/enrolment-steps';
import { completeServiceParts } from '../../helpers/service-parts';

const DAY = '2026-11-23';
const SUPERVISOR = { name: 'Penyelia Satu', nip: '198207072008011005', password: 'rahasia-penyelia-5' };
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+07:00`);

let t: TestStation;
let admin: TestSession;
let counter: TestSession;
let supervisor: TestSession;

async function loginAs(who: { nip: string; password: string }): Promise<TestSession> {
  const s = t.session();
  await s.ok('auth.login', { nip: who.nip, password: who.password });
  return s;
}

function photo(shade: number): { jpegBase64: string; width: number; height: number; camera: string; checks: Record<string, boolean> } {
  const [w, h] = [300, 400];
  const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, shade), width: w, height: h }, 85).data).toString('base64');
  return { jpegBase64, width: w, height: h, camera: 'test', checks: {} };
}

/** A complete enrolment, quickly: every finger marked missing with a reason (a real
 *  exception path of the capture), a photo, the KTP from the simulated scanner. */
async function enrolAndSubmit(s: TestSession, appointmentId: string): Promise<EnrolmentView> {
  await s.ok('application.checkIn', { id: appointmentId });
  await s.ok('enrolment.open', { appointmentId });
  await s.ok('capture.start', { appointmentId });
  for (let i = 0; i < 4; i++) await s.ok('capture.action', { appointmentId, action: 'skip', missingReason: 'bandaged', note: 'Perban di tangan' });
  await s.ok('photo.save', { appointmentId, ...photo(180) });
  await s.ok('documents.scan', { appointmentId, docType: 'ktp' });
  // The identity, details, service step, checklist and signature, as a standard applicant's.
  await completeServiceParts(s.ok.bind(s) as never, appointmentId);
  await answerIdentityAndDetails(s, appointmentId, { supervisor: SUPERVISOR });
  return s.ok<EnrolmentView>('enrolment.submit', { appointmentId });
}

async function day(): Promise<AppointmentRow[]> {
  return (await admin.ok<QueueView>('queue.view', { date: DAY })).rows;
}

beforeEach(async () => {
  t = await openTestStation({ simulators: true, start: at('08:00') });
  admin = t.session();
  await admin.ok('setup.createFirstAdmin', ADMIN);
  await admin.ok('settings.update', { idleLockMinutes: 240 });
  await admin.ok<OfficerRow>('officers.create', { ...OFFICER, roles: ['counter'] });
  await admin.ok<OfficerRow>('officers.create', { ...SUPERVISOR, roles: ['supervisor'] });
  await admin.ok('import.commit', { fileName: 'day.csv', content: toCsv(validRecords(DAY, 60)) });
  counter = await loginAs(OFFICER);
  supervisor = await loginAs(SUPERVISOR);
}, 60_000);
afterEach(async () => { await t.close(); });

describe('approval in password batches', () => {
  it('refuses without a batch, unlocks with the password (audited), and the batch ends after 15 minutes', async () => {
    const [a, b] = await day() as [AppointmentRow, AppointmentRow];
    await enrolAndSubmit(counter, a.id);
    await enrolAndSubmit(counter, b.id);
    const va = await supervisor.ok<ReviewView>('review.view', { appointmentId: a.id });
    expect(va.enrolment.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // No batch: refused, nothing moves.
    expect(await supervisor.call('review.approve', { appointmentId: a.id, contentHash: va.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'batch_needed' } } });
    // A wrong password opens nothing.
    expect(await supervisor.call('review.unlockBatch', { password: 'salah-sandi-9' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await supervisor.ok('review.batch')).toBeNull();

    const grant = await supervisor.ok<BatchGrantView>('review.unlockBatch', { password: SUPERVISOR.password });
    expect(grant).toEqual({ expiresAt: new Date(at('08:15')).toISOString(), remaining: 50, max: 50 });
    const approved = await supervisor.ok<ReviewApproved>('review.approve', { appointmentId: a.id, contentHash: va.enrolment.contentHash });
    expect(approved.appointment.status).toBe('approved');
    expect(approved.batch?.remaining).toBe(49);

    // Another supervisor session (another window) has no batch of its own.
    const other = await loginAs(SUPERVISOR);
    const vb = await other.ok<ReviewView>('review.view', { appointmentId: b.id });
    expect(await other.call('review.approve', { appointmentId: b.id, contentHash: vb.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { params: { reason: 'batch_needed' } } });

    // The screen left alone: at 15 minutes the batch is over.
    t.clock.now = at('08:15');
    expect(await supervisor.call('review.approve', { appointmentId: b.id, contentHash: vb.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'batch_expired' } } });
    expect((await supervisor.ok<ReviewQueue>('review.queue')).rows.map((r) => r.appointment.id)).toEqual([b.id]);

    // Locking the screen ends a batch too.
    await supervisor.ok('review.unlockBatch', { password: SUPERVISOR.password });
    await supervisor.ok('auth.lock');
    await supervisor.ok('auth.unlock', { nip: SUPERVISOR.nip, password: SUPERVISOR.password });
    expect(await supervisor.call('review.approve', { appointmentId: b.id, contentHash: vb.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { params: { reason: 'batch_needed' } } });

    const audit = await admin.ok<AuditRow[]>('audit.list', { action: 'review' });
    expect(audit.map((r) => r.action).sort()).toEqual(['review.batch_refused', 'review.batch_unlock', 'review.batch_unlock']);
    const approval = (await admin.ok<AuditRow[]>('audit.list', { action: 'application.approve' }))[0]!;
    expect(approval.detail).toMatchObject({ appointmentId: a.id, batchId: expect.any(String), contentHash: va.enrolment.contentHash });
    // A counter officer cannot unlock a batch or approve at all.
    expect(await counter.call('review.unlockBatch', { password: OFFICER.password })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 120_000);

  it('allows 50 approvals per batch, then asks for the password again', async () => {
    const rows = (await day()).slice(0, 51);
    for (const r of rows) await enrolAndSubmit(counter, r.id);
    const queue = await supervisor.ok<ReviewQueue>('review.queue');
    expect(queue.counts.waiting).toBe(51);
    await supervisor.ok('review.unlockBatch', { password: SUPERVISOR.password });
    let last: ReviewApproved | null = null;
    for (const r of queue.rows.slice(0, 50)) {
      const v = await supervisor.ok<ReviewView>('review.view', { appointmentId: r.appointment.id });
      last = await supervisor.ok<ReviewApproved>('review.approve', { appointmentId: r.appointment.id, contentHash: v.enrolment.contentHash });
    }
    expect(last?.batch).toMatchObject({ remaining: 0 });
    const fiftyFirst = queue.rows[50]!.appointment.id;
    const v = await supervisor.ok<ReviewView>('review.view', { appointmentId: fiftyFirst });
    expect(await supervisor.call('review.approve', { appointmentId: fiftyFirst, contentHash: v.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'batch_used_up' } } });
    await supervisor.ok('review.unlockBatch', { password: SUPERVISOR.password });
    await supervisor.ok('review.approve', { appointmentId: fiftyFirst, contentHash: v.enrolment.contentHash });
    expect((await supervisor.ok<ReviewQueue>('review.queue')).counts).toMatchObject({ waiting: 0, approvedToday: 51 });
  }, 300_000);
});

describe('returns and the changed-enrolment check', () => {
  it('returns with a listed reason to the top of the queue, keeps the returned version, and refuses the old view', async () => {
    const rows = await day();
    const a = rows[5]!;
    await enrolAndSubmit(counter, a.id);
    // The counter officer spends time on the steps; the review shows it.
    t.clock.now = at('08:20');
    const old = await supervisor.ok<ReviewView>('review.view', { appointmentId: a.id });
    expect(old.timing.checkedInAt).not.toBeNull();
    expect(old.timing.submittedAt).not.toBeNull();

    // "Other" says nothing without words; a listed reason is enough on its own.
    expect(await supervisor.call('review.return', { appointmentId: a.id, reason: 'other' }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'note' } });
    expect(await supervisor.call('review.return', { appointmentId: a.id, reason: 'blurry' }))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'reason' } });
    await supervisor.ok('review.return', { appointmentId: a.id, reason: 'photo', note: 'Wajah terpotong di bagian atas.' });

    // The officer finds it at the top of the day's queue with the reason on the enrolment.
    const queue = await counter.ok<QueueView>('queue.view', { date: DAY });
    expect(queue.rows[0]!.id).toBe(a.id);
    expect(queue.rows[0]!.status).toBe('returned');
    const opened = await counter.ok<EnrolmentView>('enrolment.open', { appointmentId: a.id });
    expect(opened.lastReturn).toMatchObject({ reason: 'photo', note: 'Wajah terpotong di bagian atas.', officerName: SUPERVISOR.name });

    // Corrected: a new photo, some time on the photo step, resubmitted.
    t.clock.now = at('08:40');
    await counter.ok('photo.save', { appointmentId: a.id, ...photo(120) });
    await counter.ok('enrolment.stepTime', { appointmentId: a.id, step: 'photo', seconds: 42.5 });
    await counter.ok('enrolment.stepTime', { appointmentId: a.id, step: 'summary', seconds: 3 });
    const resubmitted = await counter.ok<EnrolmentView>('enrolment.resubmit', { appointmentId: a.id });
    expect(resubmitted.appointment.status).toBe('awaiting_approval');
    expect(resubmitted.lastReturn).toBeNull();
    // Time on the summary after the submit still counts; after approval nothing is taken.
    await counter.ok('enrolment.stepTime', { appointmentId: a.id, step: 'summary', seconds: 2 });

    // The supervisor's old view no longer matches: refused with the reason, nothing moves.
    await supervisor.ok('review.unlockBatch', { password: SUPERVISOR.password });
    expect(resubmitted.contentHash).not.toBe(old.enrolment.contentHash);
    expect(await supervisor.call('review.approve', { appointmentId: a.id, contentHash: old.enrolment.contentHash }))
      .toMatchObject({ ok: false, error: { code: 'conflict', params: { reason: 'changed_since_opened' } } });

    const fresh = await supervisor.ok<ReviewView>('review.view', { appointmentId: a.id });
    expect(fresh.enrolment.contentHash).toBe(resubmitted.contentHash);
    expect(fresh.returnedVersions).toEqual([{
      at: at('08:20').toISOString(), reason: 'photo', note: 'Wajah terpotong di bagian atas.', contentHash: old.enrolment.contentHash, officerName: SUPERVISOR.name,
    }]);
    expect(fresh.history.map((h) => h.action)).toEqual(['checkIn', 'openEnrolment', 'submit', 'return', 'resubmit']);
    expect(fresh.timing.steps).toEqual([{ step: 'photo', seconds: 42.5, visits: 1 }, { step: 'summary', seconds: 5, visits: 2 }]);
    expect(fresh.timing.submittedAt).toBe(at('08:40').toISOString());
    await supervisor.ok('review.approve', { appointmentId: a.id, contentHash: fresh.enrolment.contentHash });
    expect(await counter.ok('enrolment.stepTime', { appointmentId: a.id, step: 'summary', seconds: 1 })).toEqual({ recorded: false });
  }, 120_000);

  it('lets the counter officer take fingerprints again on an enrolment returned for them', async () => {
    const a = (await day())[6]!;
    await enrolAndSubmit(counter, a.id);
    await supervisor.ok('review.return', { appointmentId: a.id, reason: 'fingerprints' });
    await counter.ok('enrolment.open', { appointmentId: a.id });
    // The capture resumes with the fingers as they were returned, ready to be taken again.
    const view = await counter.ok<CaptureView>('capture.start', { appointmentId: a.id });
    expect(view.fingers).toHaveLength(4);
    expect(view.fingers.every((f) => f.status === 'missing')).toBe(true);
    await counter.ok('capture.close', { appointmentId: a.id });
  }, 120_000);

  it('tells the counters when the backlog passes the limit the administrator set', async () => {
    const rows = await day();
    await admin.ok('settings.update', { reviewBacklogLimit: 2 });
    for (const r of rows.slice(0, 2)) await enrolAndSubmit(counter, r.id);
    expect(await counter.ok<BacklogView>('review.backlog')).toEqual({ waiting: 2, limit: 2, over: false });
    await enrolAndSubmit(counter, rows[2]!.id);
    expect(await counter.ok<BacklogView>('review.backlog')).toEqual({ waiting: 3, limit: 2, over: true });
    expect((await supervisor.ok<ReviewQueue>('review.queue')).backlogLimit).toBe(2);
  }, 120_000);
});
