// Idempotent by a request id, through a real station (real SQLite, simulated devices): the
// same change sent twice — at once, or again after it finished — is done once and both get
// the same answer; another id is another call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AppointmentRow, AuditRow, EnrolmentView, SessionInfo } from '../../../electron/contract-types';
import { ADMIN, openTestStation, type TestSession, type TestStation } from '../../helpers/station';
import { ok, RENEWAL_APPLICANT, renewalStep, type ScriptSession } from '../../helpers/enrolment-script';
import { addSupervisor, answerIdentityAndDetails, SUPERVISOR } from '../../helpers/enrolment-steps';
import { completeServiceParts } from '../../helpers/service-parts';

let t: TestStation;
let s: TestSession;
let script: ScriptSession;

beforeEach(async () => {
  t = await openTestStation({ simulators: true, start: new Date() });
  s = t.session();
  const me = await s.ok<SessionInfo>('setup.createFirstAdmin', ADMIN);
  await s.ok('officers.update', { id: me.officerId, roles: ['admin', 'counter'] });
  script = { call: (m, i, r) => s.raw.call(m, i ?? {}, r), events: s.events };
});
afterEach(async () => { await t.close(); });

const audited = async (action: string): Promise<AuditRow[]> =>
  (await s.ok<AuditRow[]>('audit.list', { action, limit: 500 }));

describe('request ids', () => {
  it('the same submit twice at once is submitted once, and both calls get the same answer', async () => {
    const a = await ok<AppointmentRow>(script, 'queue.addWalkIn', RENEWAL_APPLICANT);
    for (const step of ['open', 'mrz', 'fingers', 'photo', 'scan'] as const) await renewalStep(script, a.id, step);
    // The identity, details, service step and signature, as for a standard applicant.
    const call = <T>(m: string, i?: unknown) => ok<T>(script, m, i ?? {});
    await completeServiceParts(call, a.id);
    await addSupervisor(s);
    await answerIdentityAndDetails({ ok: call }, a.id, { supervisor: SUPERVISOR });
    const rid = randomUUID();
    const [one, two] = await Promise.all([
      s.raw.call('enrolment.submit', { appointmentId: a.id }, rid),
      s.raw.call('enrolment.submit', { appointmentId: a.id }, rid),
    ]);
    expect(one).toMatchObject({ ok: true });
    expect(two).toEqual(one);
    expect((one as { value: EnrolmentView }).value.appointment.status).toBe('awaiting_approval');
    // Later, the same id again (a resend after a dropped connection): the same answer, no work.
    expect(await s.raw.call('enrolment.submit', { appointmentId: a.id }, rid)).toEqual(one);
    expect((await audited('application.submit')).filter((r) => JSON.stringify(r.detail).includes(a.id))).toHaveLength(1);
    // A new id is a new call: the station refuses a second submit of a submitted enrolment.
    expect(await s.raw.call('enrolment.submit', { appointmentId: a.id }, randomUUID())).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a scan repeated with its id stores one page; with a new id, a second page', async () => {
    const a = await ok<AppointmentRow>(script, 'queue.addWalkIn', RENEWAL_APPLICANT);
    await renewalStep(script, a.id, 'open');
    const rid = randomUUID();
    const input = { appointmentId: a.id, docType: 'ktp' };
    const [one, two] = await Promise.all([s.raw.call('documents.scan', input, rid), s.raw.call('documents.scan', input, rid)]);
    expect(two).toEqual(one);
    expect((one as { value: EnrolmentView }).value.documents).toHaveLength(1);
    expect((await s.ok<EnrolmentView>('enrolment.get', { appointmentId: a.id })).documents).toHaveLength(1);
    const again = await s.raw.call('documents.scan', input, randomUUID());
    expect((again as { value: EnrolmentView }).value.documents).toHaveLength(2);
  });

  it('an id is per session, a refusal is not remembered, and a malformed id is refused', async () => {
    const rid = randomUUID();
    // Refused (nothing done): the same id may try again, and succeeds once the cause is gone.
    const other = t.session();
    expect(await other.raw.call('queue.addWalkIn', RENEWAL_APPLICANT, rid)).toMatchObject({ ok: false, error: { code: 'not_logged_in' } });
    const first = await s.raw.call('queue.addWalkIn', RENEWAL_APPLICANT, rid);
    expect(first).toMatchObject({ ok: true });
    expect(await s.raw.call('queue.addWalkIn', RENEWAL_APPLICANT, rid)).toEqual(first);
    // The same id for another method is a renderer bug, said so.
    expect(await s.raw.call('application.checkIn', { id: (first as { value: AppointmentRow }).value.id }, rid))
      .toMatchObject({ ok: false, error: { code: 'bad_input', field: 'requestId' } });
    expect(await s.raw.call('queue.addWalkIn', RENEWAL_APPLICANT, 'x')).toMatchObject({ ok: false, error: { code: 'bad_input', field: 'requestId' } });
    const today = (first as { value: AppointmentRow }).value.appointmentDate;
    const rows = (await s.ok<{ rows: AppointmentRow[] }>('queue.view', { date: today })).rows.filter((r) => r.nik === RENEWAL_APPLICANT.nik);
    expect(rows).toHaveLength(1);
  });
});
