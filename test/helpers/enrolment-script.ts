// A standard renewal scripted through the station's contract, step by step, with the
// simulated devices a station started with `simulators: true` has: the old passport's MRZ,
// four fingers on the simulated reader, a photo, the KTP from the simulated scanner, submit.
// Used by the request-id, kill -9 and enrolment bench runs; each step is its own function so
// a run can stop (or be killed) between or inside any of them.
import jpeg from 'jpeg-js';
import { composeTd3 } from '../../domain/mrz/compose-td3';
import type { CaptureView } from '../../electron/contract-types';
import type { EventName, Result } from '../../electron/contract';
import { until } from './until';

export interface ScriptSession {
  call(method: string, input?: unknown, requestId?: string): Promise<Result<unknown>>;
  events: { event: EventName; payload: unknown }[];
}

export const RENEWAL_APPLICANT = {
  nik: '3171014508900003', fullName: 'Dewi Lestari', birthPlace: 'Jakarta', birthDate: '1990-08-05', sex: 'F',
  service: 'replace_expired', passportType: 'electronic', priority: [],
} as const;

export async function ok<T = unknown>(s: ScriptSession, method: string, input: unknown = {}, requestId?: string): Promise<T> {
  const r = await s.call(method, input, requestId);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The old passport's two MRZ lines, agreeing with RENEWAL_APPLICANT. */
export function renewalMrz(): string[] {
  const r = composeTd3({ documentNumber: 'B1234567', primaryIdentifier: 'LESTARI', secondaryIdentifier: 'DEWI', birthDate: RENEWAL_APPLICANT.birthDate, sex: 'F', expiryDate: '2025-01-10' });
  if (!r.ok) throw new Error('compose failed');
  return r.lines;
}

/** A plain grey JPEG standing for the camera's crop (the station stores what it is given). */
export function photoInput(appointmentId: string): Record<string, unknown> {
  const [w, h] = [413, 531];
  const jpegBase64 = Buffer.from(jpeg.encode({ data: Buffer.alloc(w * h * 4, 180), width: w, height: h }, 85).data).toString('base64');
  return { appointmentId, jpegBase64, width: w, height: h, camera: 'test', checks: { exposureOk: true, sharpnessOk: true, subjectOk: true } };
}

/** One finger on the simulated reader, until the station has scored it. */
export async function fingerAttempt(s: ScriptSession, appointmentId: string, code: string, readerId = 'fingerprint-sim'): Promise<CaptureView> {
  await ok(s, 'devices.simulate', { id: readerId, action: 'place_finger', code, variant: 'clean' });
  const before = s.events.length;
  await ok(s, 'capture.action', { appointmentId, action: 'retry' });
  const end = await until(() => s.events.slice(before).filter((e) => e.event === 'capture.state').map((e) => e.payload as CaptureView)
    .find((p) => p.appointmentId === appointmentId && (p.state === 'review' || p.state === 'done' || p.state === 'error')), 30_000);
  await ok(s, 'devices.simulate', { id: readerId, action: 'lift_finger' });
  return end;
}

/** The steps of a standard renewal, in order, by name (a kill run picks one to die in). */
export const RENEWAL_STEPS = ['open', 'mrz', 'fingers', 'photo', 'scan', 'submit'] as const;
export type RenewalStep = (typeof RENEWAL_STEPS)[number];

export async function renewalStep(s: ScriptSession, appointmentId: string, step: RenewalStep, tag = appointmentId): Promise<void> {
  switch (step) {
    case 'open': await ok(s, 'enrolment.open', { appointmentId }); return;
    case 'mrz': await ok(s, 'enrolment.attachMrz', { appointmentId, lines: renewalMrz(), source: 'reader' }); return;
    case 'fingers': {
      await ok(s, 'capture.start', { appointmentId });
      // Codes differ per finger and per applicant: the reader's duplicate check must pass.
      for (const name of ['a', 'b', 'c', 'd']) {
        const v = await ok<CaptureView | null>(s, 'capture.get', { appointmentId });
        if (v?.state === 'done' || v?.current === null) break;
        await fingerAttempt(s, appointmentId, `${tag}-${name}`);
      }
      return;
    }
    case 'photo': await ok(s, 'photo.save', photoInput(appointmentId)); return;
    case 'scan': await ok(s, 'documents.scan', { appointmentId, docType: 'ktp' }); return;
    case 'submit': await ok(s, 'enrolment.submit', { appointmentId }); return;
  }
}
